package io.storagehub.reliability.http;

import io.storagehub.api.QueryApi;
import io.storagehub.api.support.PostgresFixture;
import io.storagehub.reliability.report.Scenario;
import io.storagehub.reliability.support.HttpProbe;
import io.storagehub.reliability.support.Sizes;
import io.storagehub.schema.event.Envelope;
import io.storagehub.testkit.chain.ChainGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: thousands of hostile requests (one malformed part each, every injection payload in every
 * parameter, forged cursors, raw malformed HTTP) plus slow-loris connections against the real API over a filled
 * read model, while a well-behaved client keeps measuring good requests. No answer is a 500, no body shows a trace,
 * the database is unchanged, and good requests stay fast: p99 during the attack at most
 * {@value #P99_FACTOR} times the p99 before it, or {@value #P99_FLOOR_MS} ms, whichever is larger.
 */
class HostileHttpIT {
    static final double P99_FACTOR = 5;
    static final double P99_FLOOR_MS = 250;
    private static final String CHAIN = "hostile";

    @Test
    void hostileRequests_neverGet500_changeNothing_andBarelySlowGoodRequests() throws Exception {
        Sizes sizes = Sizes.fromSystemProperties();
        int total = sizes.integer("http.requests", 10_000, 50_000, 100, 10_000_000);
        int fill = sizes.integer("http.fill-events", 10_000, 100_000, 100, 10_000_000);
        int slow = sizes.integer("http.slow-clients", 100, 400, 0, 10_000);
        int threads = sizes.integer("http.threads", 8, 8, 1, 256);
        long seed = sizes.seed(20261125L);
        List<Envelope> events = ChainGenerator.of(CHAIN, seed).take(fill);
        KnownIds ids = KnownIds.of(CHAIN, events);
        try (Scenario scenario = Scenario.start("hostile-http", "Hostile HTTP against the API over a filled read model",
                getClass(), sizes);
             PostgresFixture db = PostgresFixture.create(events);
             QueryApi api = QueryApi.start(db.apiConfig());
             ServerErrorLog serverLog = ServerErrorLog.attach();
             SlowClients slowClients = new SlowClients()) {
            // given: good requests answer, and their latency before the attack
            HttpProbe http = new HttpProbe(api.port());
            for (String path : ids.goodPaths()) {
                scenario.check("good request " + path + " answers 200", http.status(path) == 200, http.get(path));
            }
            Map<String, String> digestBefore = db.digest();
            LatencyProbe probe = new LatencyProbe(http, ids.goodPaths());
            probe.measure(400);
            List<Double> before = probe.measure(600);
            BadRequests generator = new BadRequests(seed, ids);
            List<BadRequest> requests = new ArrayList<>(generator.injections());
            requests.addAll(ForgedCursors.of(http, ids, seed, 200));
            requests.addAll(RawRequests.of(generator.malformed(), ids, 100));
            requests.addAll(generator.oneBadPart(Math.max(0, total - requests.size())));
            // when: the attack, with slow clients holding connections, while the probe keeps measuring
            AtomicBoolean attacking = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<List<Double>> during = CompletableFuture.supplyAsync(() -> {
                attacking.set(true);
                return probe.measureUntil(stop);
            });
            slowClients.start(api.port(), ids.goodPaths(), slow / 2, slow - slow / 2, Duration.ofMillis(100));
            long attackStart = System.nanoTime();
            Attack attack = new Attack(api.port());
            attack.run(requests, threads);
            double attackSeconds = (System.nanoTime() - attackStart) / 1e9;
            slowClients.awaitAnswers(Duration.ofSeconds(120));
            stop.set(true);
            List<Double> latencies = during.get();
            // then
            double p99Before = LatencyProbe.percentile(before, 99);
            double p99During = LatencyProbe.percentile(latencies, 99);
            double bound = Math.max(P99_FACTOR * p99Before, P99_FLOOR_MS);
            HttpProbe.Answer wildcard = http.get("/v1/chains/" + CHAIN + "/buckets/" + ids.bucket()
                    + "/files?prefix=%25");
            Map<String, String> digestAfter = db.digest();
            int slow5xx = slowClients.answers().entrySet().stream().filter(e -> e.getKey().startsWith("status 5"))
                    .mapToInt(Map.Entry::getValue).sum();
            scenario.figure(Scenario.FAULTS, attack.sent() + slowClients.trickling() + slowClients.silent())
                    .figure(Scenario.HTTP_5XX, attack.internalErrors() + attack.other5xx() + slow5xx)
                    .figure("requests", attack.sent()).figure("requestThreads", threads)
                    .figure("attackSeconds", attackSeconds)
                    .figure("statuses", attack.statuses()).figure("refusedWithoutAnswer", attack.refused())
                    .figure("answers500", attack.internalErrors()).figure("answersOther5xx", attack.other5xx())
                    .figure("unsupportedVersionAnswered505", attack.versionRefused())
                    .figure("bodiesWithTraces", attack.traces()).figure("errors4xxNotProblemJson", attack.notProblem())
                    .figure("invalidButNot4xx", attack.not4xx())
                    .figure("slowestInjectionMs", attack.slowestInjectionMillis())
                    .figure("slowClients.trickling", slowClients.trickling())
                    .figure("slowClients.silent", slowClients.silent())
                    .figure("slowClients.answers", slowClients.answers())
                    .figure("serverLog.errors", serverLog.errors()).figure("serverLog.traces", serverLog.traces())
                    .figure("readModelRows", fill).figure("tablesDigested", digestAfter.size())
                    .figure("probe.before.count", before.size())
                    .figure("probe.before.p50Ms", LatencyProbe.percentile(before, 50))
                    .figure("probe.before.p99Ms", p99Before)
                    .figure("probe.during.count", latencies.size())
                    .figure("probe.during.p50Ms", LatencyProbe.percentile(latencies, 50))
                    .figure("probe.during.p99Ms", p99During)
                    .figure("probe.p99Ratio", p99During / p99Before)
                    .figure("probe.boundMs", bound)
                    .figure("examples", attack.examples())
                    .check("at least the planned number of hostile requests", attack.sent() >= total, attack.sent())
                    .check("no answer is a 500", attack.internalErrors() == 0, attack.examples())
                    .check("no answer is another 5xx", attack.other5xx() == 0 && slow5xx == 0, attack.examples())
                    .check("no body shows a trace or an internal name", attack.traces() == 0, attack.examples())
                    .check("every 4xx is a problem document", attack.notProblem() == 0, attack.examples())
                    .check("every invalid request is a 4xx", attack.not4xx() == 0, attack.examples())
                    .check("no injected sleep ran", attack.slowestInjectionMillis() < 5000,
                            attack.slowestInjectionMillis())
                    .check("a LIKE wildcard in prefix matches literally", wildcard.status() == 200
                            && wildcard.body().contains("\"items\":[]"), wildcard)
                    .check("the API logged no error and no trace", serverLog.errors() == 0 && serverLog.traces() == 0,
                            serverLog.first())
                    .check("the database is unchanged", digestAfter.equals(digestBefore), "table digests differ")
                    .check("every good request during the attack was answered 200", probe.failures() == 0,
                            probe.failures())
                    .check("the probe ran during the attack", attacking.get() && latencies.size() >= 50,
                            latencies.size())
                    .check("good requests' p99 during the attack within the bound", p99During <= bound,
                            p99During + " ms vs bound " + bound + " ms");
            scenario.verify();
        }
    }
}
