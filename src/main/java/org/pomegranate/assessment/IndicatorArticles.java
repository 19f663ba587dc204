package org.pomegranate.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator articles (条) of the published frameworks, as {@link ArticleRef} records, for a
 * module that links a record to an article (an inspection's finding) without depending on the
 * framework internals. Frameworks are public facts: every record keeper reads them.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorArticles {

	private static final String SELECT = """
			select n.id, n.code, n.title, f.id as framework_id, f.name, f.version_number
			from indicator_node n join indicator_framework f on f.id = n.framework_id
			where f.state = 'PUBLISHED' and n.level = 'ARTICLE' %s
			order by f.name, f.id, n.code, n.id""";

	private final JdbcTemplate jdbc;

	IndicatorArticles(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** An article of a published framework: its code (e.g. 1.2.3), title, and the framework's name and version. */
	public record ArticleRef(long id, String code, String title, long frameworkId, String frameworkName, int version) {

		/** How a select shows it: the code and the title. */
		public String label() {
			return code + " " + title;
		}

		/** The framework page the article is on. */
		public String path() {
			return "/frameworks/" + frameworkId;
		}

	}

	/** Every article of the published frameworks, framework by framework, in code order. */
	public List<ArticleRef> published() {
		return jdbc.query(SELECT.formatted(""), (rs, n) -> row(rs));
	}

	/** The article {@code id} if it belongs to a published framework. */
	public Optional<ArticleRef> find(long id) {
		return jdbc.query(SELECT.formatted("and n.id = ?"), (rs, n) -> row(rs), id).stream().findFirst();
	}

	private static ArticleRef row(ResultSet rs) throws SQLException {
		return new ArticleRef(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getLong("framework_id"),
				rs.getString("name"), rs.getInt("version_number"));
	}

}
