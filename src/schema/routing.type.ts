import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { HangupReasonEnum } from './call-status.enum';
import { DateTimeScalar, JSONObjectScalar } from './scalars';

@ObjectType({ description: 'One try of an outgoing tel call through one provider (route failover; docs/routing.md).' })
export class CallAttempt {
  @Field(() => ID, { nullable: true, description: 'The provider; null for the single default provider (no route matched).' })
  providerId!: string | null;

  @Field(() => String, { description: 'The provider\'s name ("default" for the default provider).' })
  providerName!: string;

  @Field(() => Int, { nullable: true, description: 'The Q.850 cause the attempt ended with; null while it is up.' })
  cause!: number | null;

  @Field(() => HangupReasonEnum, { nullable: true, description: "FAILED for an attempt that failed over; the last attempt's is the call's." })
  hangupReason!: HangupReasonEnum | null;

  @Field(() => DateTimeScalar)
  startedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  endedAt!: Date | null;
}

@ObjectType({ description: 'A way out for outgoing tel calls: an endpoint template (administrator only).' })
export class Provider {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  detail!: string;

  @Field(() => String, { description: 'The media server endpoint; {target} is the dialled number.' })
  endpoint!: string;

  @Field(() => String)
  hostname!: string;

  @Field(() => String)
  techPrefix!: string;

  @Field(() => String)
  techPostfix!: string;

  @Field(() => JSONObjectScalar, { description: 'SIP headers (name → value) added to the INVITE of every attempt through it.' })
  techHeaders!: Record<string, string>;

  @Field(() => String, { description: 'Comma-separated codecs offered to it ("ulaw,alaw"); "" for the media server\'s own negotiation.' })
  codecs!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType({ description: 'A destination prefix → a provider; the routes of one target are tried by priority (administrator only).' })
export class Route {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The customer whose calls take it; null for a default route.' })
  customerId!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  detail!: string;

  @Field(() => ID)
  providerId!: string;

  @Field(() => Int, { description: 'Lower is tried first.' })
  priority!: number;

  @Field(() => String, { description: '"all", or the leading digits of the number without "+".' })
  target!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType({ description: 'A provider: endpoint, or hostname to make one from (PJSIP/<techPrefix>{target}<techPostfix>@<hostname>).' })
export class ProviderInput {
  @Field(() => String, { nullable: true, description: 'Required on creation.' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  detail?: string | null;

  @Field(() => String, { nullable: true, description: 'The endpoint template, {target} where the number goes.' })
  endpoint?: string | null;

  @Field(() => String, { nullable: true })
  hostname?: string | null;

  @Field(() => String, { nullable: true })
  techPrefix?: string | null;

  @Field(() => String, { nullable: true })
  techPostfix?: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'SIP header name → value: at most 20, RFC 3261 token names (not Via, From, To, Call-ID …), no line breaks. Replaces the old set.' })
  techHeaders?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Comma-separated known codecs (ulaw, alaw, g722, g729, gsm, g726, ilbc, opus, speex, slin, slin16; PCMU, PCMA), or "".' })
  codecs?: string | null;
}

@InputType({ description: 'A route. customerId null or absent: a default route (every customer without a matching route of its own).' })
export class RouteInput {
  @Field(() => ID, { nullable: true, description: 'Only on creation: a route\'s customer does not change.' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required on creation.' })
  providerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required on creation: "all" or 1-15 leading digits.' })
  target?: string | null;

  @Field(() => Int, { nullable: true, description: '0-10000, lower first (default 1).' })
  priority?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  detail?: string | null;
}
