import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Speech to play to the far end of a progressing call.' })
export class TalkCallInput {
  @Field(() => String, { description: 'The words to speak: 1–10000 characters, not blank.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'A language tag such as en-US (the default).' })
  language?: string;
}
