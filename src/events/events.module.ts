import { Module } from '@nestjs/common';
import { EventReminderPlannerService } from './reminders/event-reminder-planner.service';
import { ScopedTransactionService } from './scoped-transaction.service';

/**
 * The mechanisms every module with events shares (docs/events.md): capacity and waitlists
 * (`capacity/capacity.ts`, plain functions over a module's `CapacityStore`) and the reminder
 * planner over a module's `ReminderSource`. It owns no tables and imports no feature.
 */
@Module({
  providers: [ScopedTransactionService, EventReminderPlannerService],
  exports: [ScopedTransactionService, EventReminderPlannerService],
})
export class EventsModule {}
