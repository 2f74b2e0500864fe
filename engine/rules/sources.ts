import type { RuleSource } from './types.ts';

/**
 * The national documents the rule tables cite, keyed by the source id a scenario's `sources`
 * uses (the loader adds the entry when it fills a value from these tables). Pure data.
 */
export const RULE_SOURCES = {
  cma2007: {
    id: 'cma2007',
    title: '气象灾害预警信号及防御指南（《气象灾害预警信号发布与传播办法》附件）',
    standard: '中国气象局令第16号 (2007)',
    url: 'https://juke.outofmemory.cn/read/598028.html',
  },
  ndrp2024: {
    id: 'ndrp2024',
    title: '国家自然灾害救助应急预案',
    standard: '国办函〔2024〕11号（替代国办函〔2016〕25号）',
    url: 'http://www.jianbiaoku.com/webarbs/book/163648/4859532.shtml',
  },
  gh2003: {
    id: 'gh2003',
    title: '地质灾害防治条例（险情、灾情分级）',
    standard: '国务院令第394号 (2003)',
    url: 'https://www.longli.gov.cn/zwgk/zfgb/2015/d2q/zfbwj/201511/t20151123_5878011.html',
  },
  ghep2006: {
    id: 'ghep2006',
    title: '国家突发地质灾害应急预案',
    standard: '国务院 (2006)',
    url: 'https://15tianqi.com/news23072',
  },
  mnr2015: {
    id: 'mnr2015',
    title: '国土资源部 地质灾害速报制度 (2015)',
    url: 'http://www.carfloormat.com.cn/dzdzzh/7968.jhtml',
  },
  stat2020: {
    id: 'stat2020',
    title: '自然灾害情况统计调查制度（及按国家模板编制的省级救助预案）',
    standard: '应急〔2020〕19号',
    url: 'http://fsou.com/html/text/lar/174138/17413829_4.html',
  },
  countyRelief: {
    id: 'countyRelief',
    title: '县级自然灾害救助应急预案（乡镇初报时限，示例）',
    url: 'http://fsou.com/html/text/lar/173139/17313908_4.html',
  },
  provRelief: {
    id: 'provRelief',
    title: '省级自然灾害救助应急预案（三级响应措施时限，示例）',
    url: 'http://www.fsou.net/html/text/lar/169905/16990505_7.html',
  },
  ndrr2022: {
    id: 'ndrr2022',
    title: '"十四五"国家综合防灾减灾规划',
    standard: '国减发〔2022〕1号',
    url: 'https://sthjj.cq.gov.cn/zwgk_249/gndt/202207/t20220722_10947733_wap.html',
  },
  ndrc2024: {
    id: 'ndrc2024',
    title: '国家防灾减灾救灾委员会办公室《关于进一步加强应急抢险救灾物资保障体系和能力建设的指导意见》（2024）',
    url: 'http://kmeys.com/zixun/202410/91080.html',
  },
  hunanReserve: {
    id: 'hunanReserve',
    title: '湖南省 救灾物资储备体系 指导意见',
    url: 'https://zi.media/@yidianzixun/post/vzfEJL',
  },
  jianbiao121: {
    id: 'jianbiao121',
    title: '救灾物资储备库建设标准',
    standard: '建标121-2009',
    url: 'https://zi.media/@yidianzixun/post/vzfEJL',
  },
  ffr2008: {
    id: 'ffr2008',
    title: '森林防火条例（第四十条 森林火灾等级）',
    standard: '国务院令第541号 (2008)',
  },
  ffplan2016: {
    id: 'ffplan2016',
    title: '全国森林防火规划（2016—2025年）（森林火灾24小时扑灭率）',
    standard: '国家林业局 (2016)',
  },
} as const satisfies Record<string, RuleSource>;

export type RuleSourceId = keyof typeof RULE_SOURCES;
