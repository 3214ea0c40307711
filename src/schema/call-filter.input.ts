import { Field, InputType } from 'type-graphql';
import { CallDirectionEnum, CallStatusEnum } from './call-status.enum';

@InputType()
export class CallFilter {
  @Field(() => [CallStatusEnum], { nullable: true })
  status?: CallStatusEnum[];

  @Field(() => CallDirectionEnum, { nullable: true })
  direction?: CallDirectionEnum;
}
