import { useEffect, useRef, type RefObject } from 'react';
import type { DecisionKind } from '../../net/types.ts';

/** Something clicked on the trainee map (src/app/three/countyPicks.ts MapPick, repeated here so the forms need no three.js). */
export interface PickedObject {
  kind: 'link' | 'village' | 'site' | 'warehouse' | 'shelter';
  id: string;
}

type Taker = { form: DecisionKind; take: (p: PickedObject) => boolean };

/**
 * The map → action forms link: the trainee map calls `pickObject` with what was clicked; every
 * mounted form that has a field for that kind of object (and may use that one) fills it in and
 * says so. Returns the forms that took it, in mount order, for the map to tell the trainee.
 */
const takers = new Set<Taker>();

export function pickObject(p: PickedObject): DecisionKind[] {
  const took: DecisionKind[] = [];
  for (const t of takers) if (t.take(p) && !took.includes(t.form)) took.push(t.form);
  return took;
}

/**
 * Lets a form take picks from the map: `take` sets the form's field and returns true when the
 * object fits (else false: e.g. a store not this position's). On a take, the form's folded
 * `<details>` is opened so the trainee sees what was filled in.
 */
export function usePicked(form: DecisionKind, take: (p: PickedObject) => boolean, el?: RefObject<HTMLElement | null>): void {
  const ref = useRef(take);
  ref.current = take;
  useEffect(() => {
    const t: Taker = {
      form,
      take: (p) => {
        const ok = ref.current(p);
        const details = ok ? el?.current?.closest('details') : null;
        if (details && !details.open) details.open = true;
        return ok;
      },
    };
    takers.add(t);
    return () => {
      takers.delete(t);
    };
  }, [form, el]);
}
