package io.antechamber.api.config;

import com.zaxxer.hikari.HikariDataSource;
import io.antechamber.api.config.embedded.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the product runs on an embedded PostgreSQL whose data stays in
 * {@code antechamber.embedded-db.data-directory}, so one command runs everything on a fresh machine (ADR 0003). The
 * application connects to it as its own role with a password. The server is a Spring bean: it stops when the
 * context closes, after the beans that use it, not from its own JVM shutdown hook, which would race the close.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    public EmbeddedServer embeddedPostgres(AntechamberProperties properties) throws IOException, SQLException {
        return EmbeddedServer.start(Path.of(properties.embeddedDb().dataDirectory()));
    }

    /** Pool settings come from {@code spring.datasource.hikari}, as they do for a configured server. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedServer embeddedPostgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl(embeddedPostgres.jdbcUrl());
        dataSource.setUsername(embeddedPostgres.username());
        dataSource.setPassword(embeddedPostgres.password());
        return dataSource;
    }
}
