import { Module } from '@nestjs/common';
import { PlatformHomeController } from './platform-home.controller';

@Module({ controllers: [PlatformHomeController] })
export class PlatformModule {}
