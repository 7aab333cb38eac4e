// What every workflow object (review, finding, change notice, grant, report request) tells the
// portal about the signed-in caller: the actions it may take now (the server decides; the
// portal draws only those buttons) and the people who acted, by name.
import type { components } from '../generated/openapi';
import { ROLE_NAMES, type Role } from '../roles';

export type Actor = components['schemas']['Actor'];

// May the caller do this now? Only when the server listed the action for this object.
export function allows(item: { allowed_actions?: string[] | null } | null | undefined, action: string): boolean {
  return !!item?.allowed_actions?.includes(action);
}

// The role in plain words (an unknown role as the server wrote it).
export function roleName(role: string | null | undefined): string {
  if (!role) return '';
  return ROLE_NAMES[role as Role] || role;
}

// A person as the portal names them: "Priya Shah (Privacy Officer)", the role alone when the
// server gave no name, "the scheduler" for the system.
export function who(a: (Partial<Actor> & { id: string }) | null | undefined): string {
  if (!a) return 'someone';
  const name = a.name || a.email;
  if (name) return `${name}${a.role ? ` (${roleName(a.role)})` : ''}`;
  if (a.id === 'system' || a.role === 'system') return 'the scheduler';
  return roleName(a.role) || a.id;
}
