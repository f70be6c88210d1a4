# syntax=docker/dockerfile:1
# The indexer image. Build context: the repository root.
#   docker build -f infra/deploy/docker/indexer.Dockerfile -t storagehub/indexer:0.1.0 .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY schema schema
COPY projection projection
COPY testkit testkit
COPY indexer indexer
COPY query-api query-api
COPY infra/pom.xml infra/pom.xml
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl indexer -am package dependency:copy-dependencies -DincludeScope=runtime \
 && mkdir -p /app/lib \
 && cp indexer/target/dependency/*.jar /app/lib/ \
 && cp indexer/target/indexer-*.jar /app/lib/

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home storagehub
WORKDIR /app
COPY --from=build /app/lib /app/lib
USER 10001
EXPOSE 8081
ENTRYPOINT ["java", "-cp", "/app/lib/*", "io.storagehub.indexer.cli.IndexerCli"]
CMD ["run"]
