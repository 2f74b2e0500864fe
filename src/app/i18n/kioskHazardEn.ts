import type { kioskHazardZhCN } from './kioskHazardZhCN.ts';

/** English strings of the kiosk's county experiences, key for key with kioskHazardZhCN.ts. */
export const kioskHazardEn: typeof kioskHazardZhCN = {
  staff: { title: 'Staff exit', hint: 'Enter the exit PIN', clear: 'Clear', ok: 'OK', cancel: 'Cancel' },
  attract: { touch: 'Touch the screen to start', title: 'A disaster strikes: what would you do?' },
  hazard: {
    go: 'Start',
    home: 'Back to the start',
    noWebgl: 'This computer cannot show 3D; the disaster is told in words below.',
    yoursTitle: 'The same run again, with your choices:',
    score: '{{n}} of {{total}} right',
  },
  quake: {
    title: 'Earthquake, aftershocks, a landslide: what would you do?',
    loading: "Loading Shidian County's terrain and roads and running the earthquake…",
    intro: {
      title: 'At night, at home',
      body: 'You live in {{village}}, in a house with a slope behind it. It is after nine in the evening and you are watching TV. Suddenly the lamp starts to swing…',
    },
    now: {
      calm: 'An ordinary evening',
      shaking: 'Strong earthquake! Magnitude {{magnitude}}',
      between: 'The main shock is over; aftershocks can come at any moment',
      aftershock: 'Aftershock! Magnitude {{magnitude}}',
      failed: 'The slope behind the houses has come down',
    },
    q: {
      shelter: {
        title: '{{time}}: the ground shakes hard, things are falling and you can hardly stand. What do you do right now?',
        cover: 'Drop where you are, get under a sturdy table or into an inner corner, protect your head and neck, hold on',
        run: 'Rush out of the door',
        jump: 'Jump out of the window',
      },
      after: {
        title: 'The shaking has stopped. The room is a mess and there are cracks in the wall. Where do you go now?',
        open: 'Take your family to the village square, a threshing ground or the shelter, away from houses, slopes and power poles',
        slope: 'Hide in the woods on the slope behind the house',
        lane: 'Wait in the lane between the houses',
      },
      back: {
        title: '{{time}}: it has been quiet for a while. It is cold, your things are inside, and a neighbour says "it should be fine now". Do you go back in?',
        stay: 'No: aftershocks will come; wait until the village says the house is safe',
        back: 'Go in to fetch a quilt and sleep for a bit',
      },
      help: {
        title: "{{time}}: an aftershock brought the slope down and earth poured into your neighbour's house. You hear them calling for help under the rubble. What do you do?",
        call: 'Shout for help, tell the village emergency team, find out where they are; clear the earth carefully from the side, uncover the head first so they can breathe',
        pull: 'Grab the hand or foot you can see and pull hard',
        leave: 'Too dangerous: walk away and wait for the rescue team',
      },
    },
    fact: {
      shelter: 'The main shock, magnitude {{magnitude}}, came at {{main}}.',
      after: 'At {{fail}}, {{site}} slid in an aftershock; the houses below took the blow.',
      back: '{{gapH}} h after the main shock, at {{after}}, came an aftershock of magnitude {{afterMagnitude}}; this run had {{aftershocks}} aftershocks in all.',
      help: "In the plan's own run, a rescue team arrived {{planRescue}} h after the slide.",
    },
    explain: {
      shelter:
        'In an earthquake the strong shaking often lasts only tens of seconds: there is rarely time to get out, and the greatest danger is being hit by falling things. Drop, cover and hold on where you are: get down, shelter under a sturdy table, beside a bed or in an inner corner, protect your head and neck with your arms or a pillow, and wait for the shaking to stop. Never jump from a window, never take a lift, keep away from balconies and windows.',
      after:
        "Once the shaking stops, leave the house with your family at once for open ground, a threshing ground or the government's emergency shelter. Keep away from slopes, steep banks, walls, tall buildings and power poles: aftershocks can set off landslides and rockfalls, and damaged houses can still collapse.",
      back: 'A large earthquake is usually followed by aftershocks for days or longer; shaken slopes and cracked houses can give way at any time. Do not hurry back in for your things or to sleep: wait until the authorities have checked and said it is safe.',
      help: 'Mutual rescue needs method: first shout for others and tell the village emergency team and 119, and find out where the person is; remove earth bit by bit from the side, uncover the head first and clear dust from the mouth and nose so they can breathe, then free them slowly; never drag them by the limbs, which can worsen injuries. If you are not sure what to do, stay beside them, talk to them and keep their spirits up until the professionals arrive.',
    },
    result: {
      title: 'What happened in this earthquake?',
      plan: "In the plan's own run: at {{fail}}, {{site}} slid in an aftershock; {{threatened}} people below it were at risk, {{planAffected}} were affected and {{planDead}} dead or missing; a rescue team arrived after {{planRescue}} h.",
      yoursSafe: 'You went to open ground and stayed out. In the run, the {{threatened}} people below the slope had left by {{moved}}; when the aftershock brought it down, {{yourDead}} were dead or missing.',
      yoursSame: "You did not stay on open ground away from the slope. In the run, the people below were still indoors when the aftershock brought it down: {{yourDead}} dead or missing, as in the plan's run.",
    },
  },
  forest: {
    title: 'A forest fire: what would you do?',
    loading: "Loading Shidian County's terrain and forests and running the fire season…",
    intro: {
      title: 'Fire season, at the edge of your village',
      body: 'You live in {{village}}, next to a forest. It is dry and windy. You are laying out crops at the village entrance when you see smoke rising on the hill…',
    },
    now: {
      calm: 'Fire season: dry and windy',
      smoke: 'Smoke on the hill! Wind about {{wind}} m/s',
      reported: 'The fire has been reported; crews are on their way',
      crews: 'Fire crews are fighting it on the hill',
      wui: 'The fire has reached the edge of the village!',
      contained: 'The fire is under control',
    },
    q: {
      call: {
        title: '{{time}}: you see thick smoke over {{site}}, and glimpses of flame. What do you do first?',
        hotline: 'Call the forest-fire line 12119 (or 119) at once: where it is, what is burning, how big it is',
        post: 'Film it and post it on WeChat first',
        ignore: 'It is still far off; someone will deal with it',
      },
      fight: {
        title: 'The fire grows and the wind spreads smoke across the sky. Someone shouts: "Grab branches and beat it out!" What do you do?',
        leave: 'Do not go up: I am not trained, the fire can flare suddenly; wait for the professional crews',
        fight: 'Break off a branch and rush up to beat the flames',
      },
      neighbours: {
        title: '{{time}}: the head of the fire is coming towards the village and the smoke is getting thick. An old neighbour who walks badly lives next door. What do you do?',
        tell: 'Go from house to house calling neighbours to leave together; help the old neighbour and take the children',
        alone: 'Leave quickly on my own; someone will look after the others',
      },
      way: {
        title: '{{time}}: you must leave now. Which way do you go?',
        safe: 'Against the wind or across it, downhill, to a river or to ground already burnt or bare',
        uphill: 'Up to the hilltop, to see better',
        downwind: 'With the wind, the way the smoke is blowing',
      },
    },
    fact: {
      call: 'The fire started at {{ignite}} and was spotted and reported at {{detected}}; crews set out at once.',
      fight: 'The first crew reached the fire line at {{crew}}.',
      neighbours: 'At {{wui}} the head of the fire reached the edge of {{village}}, where {{people}} people live.',
      way: 'The wind was about {{wind}} m/s when it started: downwind is where a fire spreads fastest.',
    },
    explain: {
      call: 'The first thing to do on seeing a forest fire is to report it: the forest-fire line 12119, or 119. Say where it is (which village, which hill), what is burning, how big it is and whether anyone is trapped. The sooner it is reported, the sooner the crews arrive, and the less likely a small fire becomes a big one. Posting a video is no substitute for calling.',
      fight: 'Forest fires are for professional crews. Wind and terrain can make a fire speed up or turn suddenly; untrained people on the hill are in great danger. The old, children, pregnant women and the sick must never fight fires. What the public can do: report it, keep away, and show the crews the way.',
      neighbours: 'Mutual aid: when a fire is coming, call your neighbours loudly to leave together and help the old, children and anyone who cannot move easily. Close doors and windows, follow the village officials and fire crews, gather at the assigned safe place, count heads, and do not go back for belongings.',
      way: 'When a fire closes in, leave against or across the wind, downhill, towards rivers, roads, ground already burnt or bare ground. Never run uphill (fire climbs slopes very fast) or downwind (the fire follows the wind). If you cannot get away, cover your mouth and nose with a wet towel and lie low in a hollow or on burnt ground.',
    },
    result: {
      title: 'What happened in this forest fire?',
      plan: "In the plan's own run: the fire started at {{ignite}} and was spotted at {{detected}}; the first crew was on the line at {{crew}}; at {{wui}} the head of the fire reached {{village}}, and {{people}} people had to flee; it was under control at {{contained}}, about {{area}} ha burnt.",
      planOpen: "In the plan's own run: the fire started at {{ignite}} and was spotted at {{detected}}; the first crew was on the line at {{crew}}; at {{wui}} the head of the fire reached {{village}}, and {{people}} people had to flee; it was still not under control when the run ended.",
      yoursSafe: 'You called your neighbours and left the safe way. In the run, the {{people}} people of the village were out by {{moved}}: when the fire reached the village, nobody was left there.',
      yoursSame: 'You did not call your neighbours and leave the safe way. In the run, the {{people}} people of the village were still at home when the fire reached it, and had to flee through smoke and flame.',
    },
  },
  typhoon: {
    title: 'Typhoon, flooding, the sea wall: what would you do?',
    loading: "Loading Pinghu's terrain and roads and running the typhoon rain…",
    intro: {
      title: 'A typhoon is coming',
      body: 'You live in {{village}}, a low-lying village not far from the river levee and the sea wall. The forecast says a typhoon is closing in on northern Zhejiang with strong winds and heavy rain.',
    },
    now: {
      coming: 'The typhoon is closing in',
      warned: 'A rainstorm warning is out',
      move: 'People in danger zones are being moved',
      flooded: 'Flood water is over the road',
      reopened: 'The road has been reopened',
    },
    q: {
      levee: {
        title: '{{time}}: the wind is rising and it is a spring tide. A friend asks you to go to the sea wall to watch the tide and film the big waves. Do you go?',
        away: 'No: in a typhoon keep away from sea walls, levees and the shore; stay somewhere safe',
        watch: 'Yes, just a few photos from the sea wall and back',
      },
      timing: {
        title: '{{time}}: the village loudspeaker says people near {{site}} must move now. The rain is not heavy yet. When do you go?',
        now: 'Follow the order: take my family and go now',
        wait: 'Wait until the rain is heavy and the water really comes in',
      },
      shelter: {
        title: 'On the way you need somewhere to sit out the typhoon. Where do you go?',
        centre: "The village's assigned shelter (a school, a hall: a solid public building)",
        car: 'Park the car under a flyover',
        shed: 'A site hut or under a big tree',
      },
      drive: {
        title: '{{time}}: water on {{road}} is half a wheel deep, and the satnav says to drive through. What do you do?',
        wait: 'Turn back or wait until the water goes down and the road is reopened',
        drive: 'Step on it and drive through',
      },
    },
    fact: {
      levee: 'At {{leveeWatch}}, {{levee}} was listed as a danger reach and patrols began.',
      timing: "At {{watch}}, {{site}} was put under watch; in the plan's run its people were moved at {{planMoved}}.",
      shelter: 'The city has 127 shelters; at {{fail}}, {{site}} flooded.',
      drive: 'At {{fail}}, {{road}} was flooded and cut; it was reopened at {{reopen}}, about {{hoursClosed}} h later.',
    },
    explain: {
      levee: 'In a typhoon the wind and waves are high, often with a spring tide: waves can sweep over sea walls, levees and the shore, and levees can give way. Do not go to sea walls, levees or the shore to watch the tide, film the waves or fish. Follow the typhoon warnings, bring in flowerpots and loose things from balconies, and keep a torch, drinking water and medicines ready.',
      timing: 'When the order to move comes, go at once. Leaving at the height of the storm is more dangerous, and roads may already be flooded. Close doors and windows, switch off the power, take your papers and essentials, and follow the village officials.',
      shelter: 'Go to the shelter the government has assigned, or a solid building on high ground. Do not shelter in a car, under a flyover, in a site hut, under billboards or trees: strong winds bring down trees and billboards, and low places flood fast.',
      drive: 'Never drive or walk through flood water: you cannot see how deep it is, the car can stall or be swept away, and there may be open manholes and holes under the water. Do not go through water half a wheel deep. Go round or wait; if you are trapped, call 110 or 119.',
    },
    result: {
      title: 'What happened in this typhoon?',
      plan: "In the plan's own run: at {{watch}}, {{site}} was put under watch and its people moved at {{planMoved}}; at {{fail}} it flooded, {{planAffected}} people were affected, and, moved in time, {{planDead}} were dead or missing; {{road}} was cut for about {{hoursClosed}} h.",
      planLate: "In the plan's own run: at {{watch}}, {{site}} was put under watch, but its people had not been moved when it flooded at {{fail}}: {{planAffected}} affected, {{planDead}} dead or missing; {{road}} was cut for about {{hoursClosed}} h.",
      yoursEarly: "You went to the shelter as soon as the order came. In the run, the people around {{site}} were moved at {{yourMoved}}, {{gainH}} h earlier than in the plan's run.",
      yoursSaved: 'You went to the shelter as soon as the order came. In the run, people were moved at {{yourMoved}} and were safe when the flood came: {{yourDead}} dead or missing.',
      yoursSame: "You did not go to the shelter as soon as the order came. In the run, people were moved no earlier than in the plan's run.",
    },
  },
};
