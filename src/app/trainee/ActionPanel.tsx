import { useTranslation } from 'react-i18next';
import type { DecisionKind, DrillPhase, EventFrame, MapInfo } from '../net/types.ts';
import type { MapNames } from '../format/MapNames.ts';
import { Panel } from '../ui/Panel.tsx';
import { DispatchForm } from './actions/DispatchForm.tsx';
import { EvacuateForm } from './actions/EvacuateForm.tsx';
import { ReleaseStockForm } from './actions/ReleaseStockForm.tsx';
import { ResponseLevelForm } from './actions/ResponseLevelForm.tsx';
import { ResupplyForm } from './actions/ResupplyForm.tsx';
import { ShelterForm } from './actions/ShelterForm.tsx';
import { SitrepForm } from './actions/SitrepForm.tsx';
import { WarningForm } from './actions/WarningForm.tsx';

export interface ActionPanelProps {
  token: string;
  map: MapInfo;
  names: MapNames;
  events: readonly EventFrame[];
  phase: DrillPhase;
}

const ORDER: DecisionKind[] = ['issueWarning', 'setResponseLevel', 'situationReport', 'dispatchTeam', 'evacuate', 'openShelter', 'releaseStock', 'requestResupply'];

/**
 * The decisions this position may take (its remit, from the drill's config), each in its own
 * form with its own result. Open while the drill runs or is paused.
 */
export function ActionPanel({ token, map, events, phase }: ActionPanelProps) {
  const { t } = useTranslation();
  const you = map.you;
  // a decision the position may take but has nothing to take it with is not offered
  const has: Partial<Record<DecisionKind, boolean>> = {
    dispatchTeam: !!you?.teams.length,
    openShelter: !!you?.shelters.length,
    releaseStock: !!you?.warehouses.length,
    requestResupply: !!you?.warehouses.length,
  };
  const may = new Set((you?.may ?? []).filter((k) => has[k] !== false));
  const disabled = phase !== 'running' && phase !== 'paused';
  const form = (k: DecisionKind) => {
    switch (k) {
      case 'issueWarning':
        return <WarningForm token={token} disabled={disabled} />;
      case 'setResponseLevel':
        return <ResponseLevelForm token={token} disabled={disabled} />;
      case 'dispatchTeam':
        return <DispatchForm token={token} map={map} events={events} disabled={disabled} />;
      case 'evacuate':
        return <EvacuateForm token={token} map={map} disabled={disabled} />;
      case 'openShelter':
        return <ShelterForm token={token} map={map} disabled={disabled} />;
      case 'releaseStock':
        return <ReleaseStockForm token={token} map={map} disabled={disabled} />;
      case 'requestResupply':
        return <ResupplyForm token={token} map={map} disabled={disabled} />;
      case 'situationReport':
        return <SitrepForm token={token} disabled={disabled} />;
    }
  };
  return (
    <Panel title={t('act.heading')} testId="action-panel" className="span-2">
      {disabled && <p className="hint">{t(`act.closed.${phase}`)}</p>}
      {ORDER.filter((k) => may.has(k)).map((k) => (
        <details key={k} className="action" open={k === 'setResponseLevel' || k === 'issueWarning' || k === 'situationReport'} data-testid={`action-${k}`}>
          <summary>{t(`decision.${k}`)}</summary>
          {form(k)}
        </details>
      ))}
    </Panel>
  );
}
