// How a system is named in a list: its name, and its environment where the name does not
// already say it ("Luma platform (production)", not "… (production) (production)").
export function systemLabel(s: { name: string; environment: string }): string {
  return s.name.toLowerCase().includes(s.environment.toLowerCase()) ? s.name : `${s.name} (${s.environment})`;
}
