import 'reflect-metadata';
import { All, Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { runDecisionEventSuite, runSourceSuite, type DecisionEventTarget } from '@org/cors-conformance';
import { CorsPolicyModule } from '../src/index.js';

/** Both suites a host runs with its observing options: decision events, and origin sources. */
function runSuites(target: DecisionEventTarget): void {
  runDecisionEventSuite(target);
  runSourceSuite(target);
}

/** Answers every path and method with `ok`, so the suite sees what reaches the app. */
@Controller()
class AnyPathController {
  @All('{*path}')
  ok(): string {
    return 'ok';
  }
}

runSuites({
  name: 'nest 12 (express platform): CorsPolicyModule.forRoot(policy, options)',
  start: async (policy, options) => {
    @Module({ imports: [CorsPolicyModule.forRoot(policy, options)], controllers: [AnyPathController] })
    class AppModule {}
    const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
    await app.listen(0, '127.0.0.1');
    return { url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close: () => app.close() };
  },
});
