import { Module } from '@nestjs/common';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { CafeManagerGuard } from './cafe-access.guard';
import { CafeManageController } from './cafe-manage.controller';
import { CafesAdminController } from './cafes-admin.controller';
import { CafesController } from './cafes.controller';
import { CafesService } from './cafes.service';

/** Mantelzorgcafés: cafés, their core group and meetings (sign-up, wishes, reminders follow). */
@Module({
  // Order matters: '/cafes/:slug/beheer' must be matched before '/cafes/:slug/:meeting'.
  controllers: [CafesAdminController, CafeManageController, CafesController],
  providers: [CafesService, CafeManagerGuard, FormPageInterceptor],
  exports: [CafesService],
})
export class CafesModule {}
