import { BadRequestException, Body, Controller, Get, NotFoundException, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ItemsService, type Item } from './items.service.js';

// No OPTIONS handlers anywhere: CorsPolicyModule answers preflights before routing.
@Controller('api/items')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Get()
  list(): Item[] {
    return this.items.list();
  }

  @Put(':id')
  rename(@Param('id', ParseIntPipe) id: number, @Body() body: { name?: unknown } | undefined): Item {
    const name = body?.name;
    if (typeof name !== 'string' || name === '') throw new BadRequestException('body must be {"name": string}');
    const item = this.items.rename(id, name);
    if (item === undefined) throw new NotFoundException('no such item');
    return item;
  }
}

@Controller('public')
export class StatusController {
  @Get('status')
  status(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
