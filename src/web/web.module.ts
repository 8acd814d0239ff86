import { Module } from '@nestjs/common';
import { FaviconController } from './favicon.controller';
import { FormPageInterceptor } from './form-page.interceptor';
import { HomeController } from './home.controller';

@Module({ controllers: [HomeController, FaviconController], providers: [FormPageInterceptor] })
export class WebModule {}
