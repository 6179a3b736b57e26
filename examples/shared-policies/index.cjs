'use strict';
const { definePolicy } = require('@org/cors-core');
const ordersPolicyInput = require('./cors.policy.json');

exports.ordersPolicyInput = ordersPolicyInput;
exports.ordersPolicy = definePolicy(ordersPolicyInput);
