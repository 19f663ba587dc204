package org.pomegranate.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The time a request spends executing SQL, measured where the application meets the driver: every
 * statement execution (network round trip and PostgreSQL's work, rows included, since the driver
 * reads them all) is added to the current thread's clock. The benchmarks divide a page's server
 * time by it, to show how close to the database's own speed the page is.
 */
@TestConfiguration(proxyBeanMethods = false)
class SqlTimer {

	private static final ThreadLocal<long[]> NANOS = ThreadLocal.withInitial(() -> new long[1]);

	/** Starts the current thread's SQL clock at zero. */
	static void reset() {
		NANOS.get()[0] = 0;
	}

	/** The SQL time of the current thread since {@link #reset()}, in milliseconds. */
	static double millis() {
		return NANOS.get()[0] / 1e6;
	}

	@Bean
	static BeanPostProcessor timedDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource ? proxy(DataSource.class, dataSource) : bean;
			}
		};
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target) {
		InvocationHandler handler = (self, method, arguments) -> {
			boolean execution = target instanceof Statement && method.getName().startsWith("execute");
			long start = System.nanoTime();
			try {
				Object result = method.invoke(target, arguments);
				if (method.getName().equals("unwrap")) {
					// The driver's own classes, asked for by name (PGConnection for COPY): not ours to wrap.
					return result;
				}
				if (result instanceof CallableStatement statement) {
					return proxy(CallableStatement.class, statement);
				}
				if (result instanceof PreparedStatement statement) {
					return proxy(PreparedStatement.class, statement);
				}
				if (result instanceof Statement statement) {
					return proxy(Statement.class, statement);
				}
				if (result instanceof Connection connection) {
					return proxy(Connection.class, connection);
				}
				return result;
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			finally {
				if (execution) {
					NANOS.get()[0] += System.nanoTime() - start;
				}
			}
		};
		// Closeable too, so that the context still closes the pool behind the data source.
		var interfaces = target instanceof AutoCloseable ? new Class<?>[] { type, AutoCloseable.class } : new Class<?>[] { type };
		return (T) Proxy.newProxyInstance(SqlTimer.class.getClassLoader(), interfaces, handler);
	}

}
