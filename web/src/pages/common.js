// Pages without behaviour of their own (the not-found page) load this: nothing to do but exist.
import { pageData } from '../common.js';

pageData();
