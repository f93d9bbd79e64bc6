// Deep string shape of a catalogue, so a missing or extra key in a
// translation is a type error.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
