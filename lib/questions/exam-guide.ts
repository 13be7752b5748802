/**
 * The ANS-C01 exam guide's domains, weights and task statements, as AWS publishes them
 * (AWS Certified Advanced Networking – Specialty exam guide). Questions name one task
 * statement; the exam simulation draws questions by these weights.
 */
export const DOMAINS = {
  "1": { name: "Network Design", weight: 0.3 },
  "2": { name: "Network Implementation", weight: 0.26 },
  "3": { name: "Network Management and Operation", weight: 0.2 },
  "4": { name: "Network Security, Compliance, and Governance", weight: 0.24 },
} as const;

export type DomainId = keyof typeof DOMAINS;
export const DOMAIN_IDS = Object.keys(DOMAINS) as DomainId[];

export const TASK_STATEMENTS = {
  "1.1": "Design a solution that incorporates edge network services to optimize user performance and traffic management for global architectures",
  "1.2": "Design DNS solutions that meet public, private, and hybrid requirements",
  "1.3": "Design solutions that integrate load balancing to meet high availability, scalability, and security requirements",
  "1.4": "Define logging and monitoring requirements across AWS and hybrid networks",
  "1.5": "Design a routing strategy and connectivity architecture between on-premises networks and the AWS Cloud",
  "1.6": "Design a routing strategy and connectivity architecture that include multiple AWS accounts, AWS Regions, and VPCs to support different connectivity patterns",
  "2.1": "Implement routing and connectivity between on-premises networks and the AWS Cloud",
  "2.2": "Implement routing and connectivity across multiple AWS accounts, Regions, and VPCs to support different connectivity patterns",
  "2.3": "Implement complex hybrid and multi-account DNS architecture",
  "2.4": "Automate and configure network infrastructure",
  "3.1": "Maintain routing and connectivity on AWS and hybrid networks",
  "3.2": "Monitor and analyze network traffic to troubleshoot and optimize connectivity patterns",
  "3.3": "Optimize AWS networks for performance, reliability, and cost-effectiveness",
  "4.1": "Implement and maintain network features to meet security and compliance needs and requirements",
  "4.2": "Validate and audit security by using network monitoring and logging services",
  "4.3": "Implement and maintain confidentiality of data and communications of the network",
} as const;

export type TaskStatementId = keyof typeof TASK_STATEMENTS;
export const TASK_STATEMENT_IDS = Object.keys(TASK_STATEMENTS) as TaskStatementId[];

export function domainOfTask(task: TaskStatementId): DomainId {
  const domain = task.split(".")[0];
  const found = DOMAIN_IDS.find((d) => d === domain);
  if (!found) throw new Error(`task statement ${task} names no domain`);
  return found;
}
