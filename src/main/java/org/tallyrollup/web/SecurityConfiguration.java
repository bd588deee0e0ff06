package org.tallyrollup.web;

import java.nio.file.Path;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import org.tallyrollup.system.TallyProperties;

/**
 * Who may do what. VIEWER sees runs and downloads workbooks; ADMIN also starts, stops and
 * restarts runs. Every request but the login page and /actuator/health needs a login; the
 * roles are checked here, for every endpoint, not only by hiding buttons. Scripts use
 * HTTP Basic on {@code /api/**}; the pages use form login with CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	private static final String ADMIN = WebProperties.Role.ADMIN.name();

	private static final String VIEWER = WebProperties.Role.VIEWER.name();

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> SAME_ORIGIN = Set.of("same-origin", "none");

	/**
	 * Actuator: the health check is open, for a monitor (with its details for ADMIN
	 * only); info, metrics and prometheus need ADMIN, by HTTP Basic for a scraper.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole(ADMIN))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyRole(VIEWER, ADMIN)
				.anyRequest()
				.hasRole(ADMIN))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/**")
					.hasAnyRole(VIEWER, ADMIN)
					.anyRequest()
					.hasRole(ADMIN))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", true))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/**
	 * A write to the API needs a CSRF token when a browser could have sent it on its own:
	 * with a session cookie, or with HTTP Basic credentials from another site. A script
	 * sending its own credentials needs none; a request without any is refused as
	 * unauthenticated (401).
	 */
	static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			String site = request.getHeader("Sec-Fetch-Site");
			return site != null && !SAME_ORIGIN.contains(site);
		}
		return request.getRequestedSessionId() != null;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(WebProperties web, TallyProperties tally, Environment environment,
			PasswordEncoder passwordEncoder) {
		UserAccounts accounts = new UserAccounts(passwordEncoder, Path.of(tally.dataDir()));
		return new InMemoryUserDetailsManager(accounts.load(web.users(), environment));
	}

}
