/**
 * An expected action's verdict and an objective's conclusion in words, as every shell shows them
 * (the HTML and Word reports, the web app's debrief panel): a mark so colour is never the only
 * cue, and an expected action's credit. Pure data.
 */
export const VERDICT_NAMES: Readonly<Record<'met' | 'partly' | 'not' | 'open', { zh: string; en: string; mark: string; credit: string }>> = {
  met: { zh: '达到', en: 'met', mark: '✔', credit: '1' },
  partly: { zh: '部分达到', en: 'partly met', mark: '◐', credit: '½' },
  not: { zh: '未达到', en: 'not met', mark: '✘', credit: '0' },
  open: { zh: '未到时限', en: 'not judged', mark: '…', credit: '—' },
};

export const CONCLUSION_NAMES: Readonly<Record<'met' | 'partlyMet' | 'notMet' | 'notJudged', { zh: string; en: string }>> = {
  met: { zh: '达到', en: 'met' },
  partlyMet: { zh: '部分达到', en: 'partly met' },
  notMet: { zh: '未达到', en: 'not met' },
  notJudged: { zh: '未评判', en: 'not judged' },
};
