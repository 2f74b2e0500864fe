/**
 * The clock speeds a trainer may pick (simulated minutes per real minute), one list for the
 * create form and the control bar. 60× is the create form's default: an hour of the scenario a
 * minute.
 */
export const SPEEDS: readonly number[] = [1, 10, 30, 60, 120, 300, 600, 1800, 3600];

/** The create form's default speed. */
export const DEFAULT_SPEED = 60;
