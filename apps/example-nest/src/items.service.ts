import { Injectable } from '@nestjs/common';

export interface Item {
  id: number;
  name: string;
}

/** An in-memory item store: enough state for the example to show a preflighted update. */
@Injectable()
export class ItemsService {
  private readonly items = new Map<number, Item>([
    [1, { id: 1, name: 'pen' }],
    [2, { id: 2, name: 'notebook' }],
  ]);

  list(): Item[] {
    return [...this.items.values()];
  }

  /** Renames an item; `undefined` when there is no such item. */
  rename(id: number, name: string): Item | undefined {
    if (!this.items.has(id)) return undefined;
    const item = { id, name };
    this.items.set(id, item);
    return item;
  }
}
