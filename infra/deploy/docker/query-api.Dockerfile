# syntax=docker/dockerfile:1
# The query-api image. Build context: the repository root.
#   docker build -f infra/deploy/docker/query-api.Dockerfile -t storagehub/query-api:0.1.0 .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# the whole reactor (every module the root pom lists must be present); see query-api.Dockerfile.dockerignore
COPY . .
# -Dmaven.test.skip=true: no test classes and no test jar (query-api-*-tests.jar) are built, so none can reach the
# image; target/lib holds the runtime dependencies only (no embedded Postgres, no Kafka broker); cp fails if two
# jars match
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -Dmaven.test.skip=true -pl query-api -am package \
 && mkdir -p /app \
 && cp -r query-api/target/lib /app/lib \
 && cp query-api/target/query-api-*.jar /app/query-api.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home storagehub
WORKDIR /app
COPY --from=build /app /app
USER 10001
ENV STORAGEHUB_API_HOST=0.0.0.0
EXPOSE 8080
# GET /health over bash's /dev/tcp (no curl or wget needed): healthy on "HTTP/1.x 200"
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${STORAGEHUB_API_PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/app/query-api.jar"]
