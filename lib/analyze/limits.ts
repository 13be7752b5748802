/**
 * The largest single file the analyze page reads into a browser tab. The 1,000-VPC benchmark
 * account's describe-instances output is about 30 MB; far beyond this a tab runs out of memory
 * before the reader can say anything useful.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
