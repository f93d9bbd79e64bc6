// The loopback Stripe stand-in lives with the payment code (the demo's test
// payments run it too); tests import it from here as before.
export * from "../payments/stripe-stand-in.server";
