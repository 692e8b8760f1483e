/** Whether a CIDR block is every address (a /0, in any spelling: 0.0.0.0/0, ::/00). */
export const isEveryAddress = (cidr: string): boolean => Number(cidr.split('/')[1]) === 0;
