import { createWtrConfig } from '../../scripts/wtr-base.mjs';

export default createWtrConfig({ files: 'src/**/*.test.ts' });
