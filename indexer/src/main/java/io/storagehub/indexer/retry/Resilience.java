package io.storagehub.indexer.retry;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.storagehub.indexer.config.RetryConfig;
import java.util.function.Supplier;

/**
 * Bounded exponential retry around a circuit breaker, for one dependency. Only {@link RetriableFailure}s are
 * retried and counted by the breaker; a {@link FatalFailure} passes straight through. When the breaker is open
 * the call fails fast with a {@link RetriableFailure}, so callers handle one type for "try again later".
 */
public final class Resilience {
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public Resilience(String name, RetryConfig config) {
        this.retry = Retry.of(name, io.github.resilience4j.retry.RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(
                        config.initialBackoff(), 2.0, config.maxBackoff()))
                .retryOnException(e -> e instanceof RetriableFailure)
                .failAfterMaxAttempts(false)
                .build());
        this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.circuitFailureThreshold())
                .minimumNumberOfCalls(config.circuitFailureThreshold())
                .failureRateThreshold(100)
                .waitDurationInOpenState(config.circuitOpenWait())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof RetriableFailure)
                .build());
    }

    /** Runs {@code action}, which must throw only {@link RetriableFailure} or {@link FatalFailure}. */
    public <T> T call(Supplier<T> action) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker, action);
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (CallNotPermittedException e) {
            throw new RetriableFailure("circuit breaker '" + circuitBreaker.getName() + "' is open", e);
        }
    }

    public Retry retry() {
        return retry;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }
}
