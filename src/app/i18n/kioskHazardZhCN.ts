/**
 * zh-CN strings of the kiosk's county experiences (earthquake, forest fire, typhoon), spread into
 * kioskZhCN as `kiosk.hazard.*`, `kiosk.quake.*`, …. Where each 科普 point comes from is noted
 * beside the questions (src/app/kiosk/quakeStory.ts and its siblings).
 */
export const kioskHazardZhCN = {
  hazard: {
    go: '开始',
    home: '返回首页',
    noWebgl: '这台电脑不能显示三维画面，下面用文字讲述这场灾害。',
    yoursTitle: '按你的选择再模拟一次：',
    score: '答对 {{n}} / {{total}} 题',
  },
  quake: {
    title: '地震·余震·山体滑坡：你会怎么做？',
    loading: '正在加载施甸县的地形和道路，并运行地震模拟…',
    intro: {
      title: '夜里，你在家里',
      body: '你住在{{village}}，房子背靠山坡。晚上九点多，你正在屋里看电视。突然，灯开始摇晃……',
    },
    now: {
      calm: '夜晚，一切如常',
      shaking: '强烈地震！{{magnitude}} 级',
      between: '主震已经停了，余震随时可能再来',
      aftershock: '余震！{{magnitude}} 级',
      failed: '屋后山坡滑下来了',
    },
    q: {
      shelter: {
        title: '{{time}}，地面剧烈摇晃，东西往下掉，站都站不稳。这一刻你怎么办？',
        cover: '就近趴下，躲到结实的桌子下或内墙角，护住头和脖子，抓牢',
        run: '马上冲出门，往外跑',
        jump: '从窗户跳出去',
      },
      after: {
        title: '摇晃停了。屋里一片狼藉，墙上有裂缝。接下来你去哪里？',
        open: '带上家人，去村里的空地、晒场或避难场所，远离房屋、山坡和电线杆',
        slope: '躲到屋后山坡的树林里',
        lane: '在房子之间的小巷里先等一等',
      },
      back: {
        title: '{{time}}，已经平静了好一阵。天很冷，东西都在屋里，邻居说“应该没事了”。你回屋吗？',
        stay: '不回去：余震还会来，等村里通知房子安全了再回去',
        back: '回屋里拿被子，顺便睡一会儿',
      },
      help: {
        title: '{{time}}，余震把屋后的山坡震塌了，土石冲进了邻居家。你听到邻居在废墟下喊救命。你怎么办？',
        call: '大声喊人来帮忙，报告村里的应急分队，问清他的位置；从侧面小心清土，先让他的头露出来、能呼吸',
        pull: '抓住露出来的手脚，使劲往外拽',
        leave: '太危险了，先走开，等救援队来',
      },
    },
    fact: {
      shelter: '主震 {{magnitude}} 级，发生在{{main}}。',
      after: '{{fail}}，{{site}}在余震中滑塌，坡下的房屋首当其冲。',
      back: '主震后 {{gapH}} 小时，{{after}}又来了一次 {{afterMagnitude}} 级余震；这次模拟一共有 {{aftershocks}} 次余震。',
      help: '按预案自己的这次模拟，救援队伍在滑塌后 {{planRescue}} 小时到达。',
    },
    explain: {
      shelter:
        '地震时，强烈摇晃往往只有几十秒，人很难跑出去，最危险的是被掉落的东西砸中。就近“伏地、遮挡、手抓牢”：趴下，躲到结实的桌子下、床边或内墙角，用手或枕头护住头颈，等摇晃停下。不要跳楼，不要乘电梯，也不要跑到阳台或窗边。',
      after:
        '摇晃停了，要马上带上家人离开房屋，到开阔的空地、晒场或政府设置的应急避难场所。要远离山坡、陡坎、围墙、高楼和电线杆：余震可能引发滑坡和崩塌，房屋也可能继续倒塌。',
      back: '大地震后常有余震，持续几天甚至更久，被震松的山坡、被震裂的房子随时可能垮塌。不要急着回屋拿东西或睡觉，等有关部门检查后说“安全了”再回去。',
      help: '互救要讲方法：先喊人、报告村里的应急分队和 119，问清被困的人在哪里；从侧面一点点清除土石，先让他的头部露出来，清掉口鼻里的灰土让他能呼吸，再慢慢救出；不要用力拖拽手脚，以免加重伤情。自己没有把握时，守在旁边和他说话、给他鼓劲，等专业队伍来。',
    },
    result: {
      title: '这场地震里，发生了什么？',
      plan: '按预案自己的这次模拟：{{fail}}，{{site}}在余震中滑塌，坡下 {{threatened}} 人受威胁，{{planAffected}} 人受灾，{{planDead}} 人死亡或失踪；救援队伍 {{planRescue}} 小时后到达。',
      yoursSafe: '你去了空地，也没有回屋。模拟中，全村坡下的 {{threatened}} 人在{{moved}}就撤离了，余震引发滑坡时，死亡或失踪 {{yourDead}} 人。',
      yoursSame: '你没有一直待在远离山坡的空地上。模拟中，余震引发滑坡时，坡下的人还在屋里：死亡或失踪 {{yourDead}} 人，和预案那次一样。',
    },
  },
};
