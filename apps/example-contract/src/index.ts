export {
  describeExampleService,
  type ExampleServiceGap,
  type ExampleServiceOptions,
  type RunningExampleService,
  type StartExampleService,
} from './describe-example-service.js';
