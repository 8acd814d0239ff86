import { Module } from '@nestjs/common';
import { LegalPagesController } from './legal-pages.controller';
import { LegalPagesService } from './legal-pages.service';

/** The legally required statements of each municipality (public pages; admins edit them). */
@Module({
  controllers: [LegalPagesController],
  providers: [LegalPagesService],
  exports: [LegalPagesService],
})
export class LegalPagesModule {}
