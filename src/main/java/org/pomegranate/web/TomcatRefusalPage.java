package org.pomegranate.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers when it refuses a request before the application sees it (a NUL or an
 * encoded slash in the path): a short page in Chinese with the status, instead of Tomcat's English
 * one. Whatever the application answers itself has its own error page and is left alone here.
 */
@Component
class TomcatRefusalPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="zh-CN"><head><meta charset="utf-8"><title>请求无效 · 石榴籽</title></head>
			<body><main style="text-align:center;padding:3rem 1rem;font-family:sans-serif">
			<p style="font-size:3rem;color:#6c757d">%d</p><h1>请求无效</h1>
			<p>请求的地址含有不可见的控制字符或格式不正确，未处理任何内容。请返回上一页后重试。</p>
			<p lang="en">The address is not valid; nothing was done. Please go back and try again.</p>
			<a href="/">返回首页</a></main></body></html>
			""";

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ChineseReport()));
	}

	/** Reports only what nothing else has written a page for. */
	static final class ChineseReport extends ErrorReportValve {

		ChineseReport() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			try {
				response.setContentType("text/html");
				response.setCharacterEncoding("UTF-8");
				var writer = response.getReporter();
				if (writer != null) {
					writer.write(PAGE.formatted(status));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client has gone; there is nobody to tell.
			}
		}

	}

}
