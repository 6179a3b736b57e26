export interface Item {
  id: number;
  name: string;
}

/** An in-memory item store, per server process: enough state to show a preflighted update. */
export const items = new Map<number, Item>([
  [1, { id: 1, name: 'pen' }],
  [2, { id: 2, name: 'notebook' }],
]);
