import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'DTMF tones to send on a progressing call.' })
export class SendDtmfInput {
  @Field(() => String, { description: 'At most 100 of 0-9, A-D, * and #.' })
  digits!: string;

  @Field(() => Int, { nullable: true, description: 'Milliseconds each tone lasts, 100–1000 (default 250).' })
  duration?: number;

  @Field(() => Int, { nullable: true, description: 'Milliseconds between tones, 0–5000 (default 100).' })
  interval?: number;
}
