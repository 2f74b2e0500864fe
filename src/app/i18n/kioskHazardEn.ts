import type { kioskHazardZhCN } from './kioskHazardZhCN.ts';

/** English strings of the kiosk's county experiences, key for key with kioskHazardZhCN.ts. */
export const kioskHazardEn: typeof kioskHazardZhCN = {
  hazard: {
    go: 'Start',
    home: 'Back to the start',
    noWebgl: 'This computer cannot show 3D; the disaster is told in words below.',
    yoursTitle: 'The same run again, with your choices:',
    score: '{{n}} of {{total}} right',
  },
  quake: {
    title: 'Earthquake, aftershocks, a landslide: what would you do?',
    loading: 'Loading Shidian County’s terrain and roads and running the earthquake…',
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
        title: '{{time}}: an aftershock brought the slope down and earth poured into your neighbour’s house. You hear them calling for help under the rubble. What do you do?',
        call: 'Shout for help, tell the village emergency team, find out where they are; clear the earth carefully from the side, uncover the head first so they can breathe',
        pull: 'Grab the hand or foot you can see and pull hard',
        leave: 'Too dangerous: walk away and wait for the rescue team',
      },
    },
    fact: {
      shelter: 'The main shock, magnitude {{magnitude}}, came at {{main}}.',
      after: 'At {{fail}}, {{site}} slid in an aftershock; the houses below took the blow.',
      back: '{{gapH}} h after the main shock, at {{after}}, came an aftershock of magnitude {{afterMagnitude}}; this run had {{aftershocks}} aftershocks in all.',
      help: 'In the plan’s own run, a rescue team arrived {{planRescue}} h after the slide.',
    },
    explain: {
      shelter:
        'In an earthquake the strong shaking often lasts only tens of seconds: there is rarely time to get out, and the greatest danger is being hit by falling things. Drop, cover and hold on where you are: get down, shelter under a sturdy table, beside a bed or in an inner corner, protect your head and neck with your arms or a pillow, and wait for the shaking to stop. Never jump from a window, never take a lift, keep away from balconies and windows.',
      after:
        'Once the shaking stops, leave the house with your family at once for open ground, a threshing ground or the government’s emergency shelter. Keep away from slopes, steep banks, walls, tall buildings and power poles: aftershocks can set off landslides and rockfalls, and damaged houses can still collapse.',
      back: 'A large earthquake is usually followed by aftershocks for days or longer; shaken slopes and cracked houses can give way at any time. Do not hurry back in for your things or to sleep: wait until the authorities have checked and said it is safe.',
      help: 'Mutual rescue needs method: first shout for others and tell the village emergency team and 119, and find out where the person is; remove earth bit by bit from the side, uncover the head first and clear dust from the mouth and nose so they can breathe, then free them slowly; never drag them by the limbs, which can worsen injuries. If you are not sure what to do, stay beside them, talk to them and keep their spirits up until the professionals arrive.',
    },
    result: {
      title: 'What happened in this earthquake?',
      plan: 'In the plan’s own run: at {{fail}}, {{site}} slid in an aftershock; {{threatened}} people below it were at risk, {{planAffected}} were affected and {{planDead}} dead or missing; a rescue team arrived after {{planRescue}} h.',
      yoursSafe: 'You went to open ground and stayed out. In the run, the {{threatened}} people below the slope had left by {{moved}}; when the aftershock brought it down, {{yourDead}} were dead or missing.',
      yoursSame: 'You did not stay on open ground away from the slope. In the run, the people below were still indoors when the aftershock brought it down: {{yourDead}} dead or missing, as in the plan’s run.',
    },
  },
};
