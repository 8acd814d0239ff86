import { Module } from '@nestjs/common';
import { FormPageInterceptor } from './form-page.interceptor';
import { HomeController } from './home.controller';

@Module({ controllers: [HomeController], providers: [FormPageInterceptor] })
export class WebModule {}
