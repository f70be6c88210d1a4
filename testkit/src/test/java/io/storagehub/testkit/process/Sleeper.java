package io.storagehub.testkit.process;

import java.util.concurrent.CountDownLatch;

/** A child main for {@link ChildJvmTest}: prints its argument and an environment variable, then waits forever. */
final class Sleeper {
    private Sleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("started " + String.join(",", args) + " " + System.getenv("CHILD_JVM_TEST")
                + " " + System.getenv("CHILD_JVM_TEST_DROPPED"));
        if (args.length > 0 && args[0].equals("exit")) {
            System.exit(3);
        }
        new CountDownLatch(1).await();
    }
}
