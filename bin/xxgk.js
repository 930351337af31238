#!/usr/bin/env node
'use strict';
require('./load-dist.js')('cli.js');
