# Production image: built from source, runs as a non-root user against an external PostgreSQL
# (see docker-compose.yml). With SPRING_DATASOURCE_URL set the app loads no demo data and takes
# its first admin from POMEGRANATE_ADMIN_USERNAME / POMEGRANATE_ADMIN_PASSWORD.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 pomegranate \
    && useradd --system --uid 10001 --gid pomegranate --home-dir /app --shell /usr/sbin/nologin pomegranate
WORKDIR /app
COPY --from=build /src/target/pomegranate-*.jar /app/pomegranate.jar
USER 10001:10001
EXPOSE 8080
ENV TZ=UTC JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8"
ENTRYPOINT ["java", "-jar", "/app/pomegranate.jar"]
