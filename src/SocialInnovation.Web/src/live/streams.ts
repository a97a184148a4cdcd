/** Stream names as the server writes them: `<kind>:<campId as 32 lower-case hex>[:<id>]`. */
export function streamName(kind: string, campId: string, id?: string): string {
  const camp = campId.replace(/-/g, '').toLowerCase();
  return (id === undefined ? `${kind}:${camp}` : `${kind}:${camp}:${id}`).toLowerCase();
}

export const campStream = (campId: string): string => streamName('camp', campId);
