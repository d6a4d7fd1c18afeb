export {
  SlackReceiver,
  startSlackReceiver,
  type SlackAnswer,
  type SlackEndpoint,
  type SlackReceiverOptions,
  type SlackRequest,
} from './receiver';
