package io.storagehub.testkit.chain;

import io.storagehub.schema.event.NotProjected;
import io.storagehub.schema.value.AccountId;

/**
 * Events the projection skips: other pallets' events (balances, system, fees, proofs) and names of the projected
 * pallets that the contract does not project. {@code dataJson} is compact JSON with ASCII text only, as a
 * codec re-serializes it.
 */
final class OtherPallets {
    private final World w;

    OtherPallets(World w) {
        this.w = w;
    }

    NotProjected next() {
        int pick = w.rng.nextInt(100);
        if (pick < 30) {
            return new NotProjected("System", "ExtrinsicSuccess", "{\"dispatchInfo\":{\"weight\":{\"refTime\":"
                    + w.rng.between(100_000, 900_000_000) + ",\"proofSize\":" + w.rng.between(0, 50_000)
                    + "},\"class\":\"Normal\",\"paysFee\":\"Yes\"}}");
        }
        if (pick < 50) {
            return new NotProjected("Balances", "Transfer", "{\"from\":\"" + account() + "\",\"to\":\""
                    + account() + "\",\"amount\":\"" + w.rng.logUniform(1, 1_000_000_000_000_000L) + "\"}");
        }
        if (pick < 65) {
            return new NotProjected("TransactionPayment", "TransactionFeePaid", "{\"who\":\"" + account()
                    + "\",\"actualFee\":\"" + w.rng.between(1_000, 10_000_000) + "\",\"tip\":\"0\"}");
        }
        if (pick < 72) {
            return new NotProjected("System", "NewAccount", "{\"account\":\"" + w.ids.account() + "\"}");
        }
        if (pick < 80) {
            return new NotProjected("ProofsDealer", "ProofAccepted", "{\"providerId\":\"" + w.ids.hash()
                    + "\",\"lastTickProven\":" + w.block + "}");
        }
        if (pick < 87) {
            return new NotProjected("FileSystem", "AcceptedBspVolunteer", "{\"bspId\":\"" + w.ids.hash()
                    + "\",\"fileKey\":\"" + w.ids.hash() + "\"}");
        }
        if (pick < 93) {
            return new NotProjected("Providers", "BspRequestSignUpSuccess", "{\"who\":\"" + account()
                    + "\",\"capacity\":" + w.rng.between(1, Long.MAX_VALUE) + "}");
        }
        return new NotProjected("PaymentStreams", "UsersCharged", "{\"userAccounts\":[\"" + account()
                + "\"],\"providerId\":\"" + w.ids.hash() + "\"}");
    }

    private AccountId account() {
        return w.users.isEmpty() ? w.ids.account() : w.rng.pick(w.users);
    }
}
