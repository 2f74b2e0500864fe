import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf } from '../format/pickText.ts';
import { drillPlayback, type DrillPlaybackData } from './drillPlayback.ts';
import { PlaybackView } from './PlaybackView.tsx';

/**
 * A drill from the server played back: the ground truth, with a switch to any position's view at
 * the same moment (what it had been told by then), and the injects and notes on the timeline.
 */
export function DrillPlaybackView({ data }: { data: DrillPlaybackData }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const pb = useMemo(() => drillPlayback(data, lang), [data, lang]);
  if (!pb.index.events.length)
    return (
      <p className="hint" data-testid="pb-drill-empty">
        {t('playback.drills.empty')}
      </p>
    );
  return <PlaybackView index={pb.index} scenario={pb.scenario} views={pb.views} marks={pb.marks} />;
}
