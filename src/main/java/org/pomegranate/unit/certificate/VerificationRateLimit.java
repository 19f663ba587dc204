package org.pomegranate.unit.certificate;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public verification page's rate limit: a token bucket (Bucket4j) of {@code
 * pomegranate.verification.requests-per-minute} (30 by default) per client address — the address
 * Tomcat reports, which is the proxy's {@code X-Forwarded-For} only from a trusted proxy. The
 * buckets live in a cache bounded in size (Caffeine) that forgets an address a minute after its
 * last request, when its bucket would be full again anyway; so many addresses cost bounded memory.
 */
@Component
public class VerificationRateLimit {

	/** Addresses remembered at most; past that the least recently seen are forgotten. */
	static final int ADDRESSES = 50_000;

	private final Cache<String, Bucket> buckets;

	private final int perMinute;

	VerificationRateLimit(@Value("${pomegranate.verification.requests-per-minute:30}") int perMinute) {
		this.perMinute = perMinute;
		this.buckets = Caffeine.newBuilder().maximumSize(ADDRESSES).expireAfterAccess(Duration.ofMinutes(1)).build();
	}

	/** Takes one request of {@code address}'s allowance; empty if it may go on, else how long it must wait. */
	public Optional<Duration> take(String address) {
		var probe = buckets.get(address, any -> newBucket()).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	public int perMinute() {
		return perMinute;
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

}
