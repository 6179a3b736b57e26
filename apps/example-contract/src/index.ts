export {
  describeExampleService,
  type RunningExampleService,
  type StartExampleService,
} from './describe-example-service.js';
