# syntax=docker/dockerfile:1
# The chain simulator image (the dev-stack jar, entry point "simulator"). Build context: the repository root.
#   docker build -f infra/deploy/docker/simulator.Dockerfile -t storagehub/simulator:0.1.0 .
#   docker run --rm storagehub/simulator:0.1.0 live --kafka kafka:9092 --rate 20
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# the whole reactor (every module the root pom lists must be present); see simulator.Dockerfile.dockerignore
COPY . .
# -Dmaven.test.skip=true: no test classes or test jars are built; the dev-stack jar (it also holds the embedded
# Kafka broker and Postgres of the dev stack) is the only file copied
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -Dmaven.test.skip=true -pl infra -am package \
 && mkdir -p /app \
 && cp infra/target/storagehub-devstack.jar /app/

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home storagehub \
 && mkdir -p /var/lib/simulator && chown 10001 /var/lib/simulator
WORKDIR /app
COPY --from=build /app/storagehub-devstack.jar /app/storagehub-devstack.jar
USER 10001
ENTRYPOINT ["java", "-cp", "/app/storagehub-devstack.jar", "io.storagehub.infra.simulator.SimulatorCli"]
CMD ["live"]
