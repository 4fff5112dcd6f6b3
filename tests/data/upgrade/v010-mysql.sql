/*M!999999\- enable the sandbox mode */ 

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;
DROP TABLE IF EXISTS `applications`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `applications` (
  `number` varchar(24) NOT NULL,
  `kind` varchar(12) NOT NULL,
  `region` char(6) NOT NULL,
  `record_id` bigint(20) NOT NULL,
  `department_id` bigint(20) NOT NULL,
  `channel` varchar(12) NOT NULL,
  `type` varchar(16) NOT NULL,
  `state` varchar(12) NOT NULL,
  `subject_code` varchar(32) NOT NULL,
  `contact_name` varchar(64) NOT NULL,
  `contact_phone` varchar(32) NOT NULL,
  `description` text NOT NULL,
  `code_hash` char(64) NOT NULL,
  `filed_by` varchar(80) NOT NULL,
  `filed_at` char(20) NOT NULL,
  `decided_at` char(20) DEFAULT NULL,
  `decided_by` varchar(64) DEFAULT NULL,
  `closed_at` char(20) DEFAULT NULL,
  `outcome` varchar(32) DEFAULT NULL,
  `reason` text DEFAULT NULL,
  PRIMARY KEY (`number`),
  KEY `applications_record` (`region`,`record_id`,`kind`,`state`),
  KEY `applications_queue` (`region`,`kind`,`state`,`filed_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `applications` WRITE;
/*!40000 ALTER TABLE `applications` DISABLE KEYS */;
INSERT INTO `applications` VALUES ('XF20241120057688','repair','410505',352,1,'online','','accepted','91410505MA9K3W8L7R','王某','13800000000','已于决定作出后十五日内缴清罚款，并完成整改；附信用承诺书。','c2d81b04a5236188e34a0a066928d8aea136d835c197d25f519d860e567b2c36','public:127.0.0.1','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z',NULL,NULL,NULL,NULL);
INSERT INTO `applications` VALUES ('XF20241120525867','repair','410505',9,19,'paper','','accepted','91410505MA9K3W8L7R','','','演示数据','','demo','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z','demo',NULL,NULL,NULL);
INSERT INTO `applications` VALUES ('YY20241120382564','objection','410505',351,1,'online','错误','filed','91410505MA9K3W8L7R','李某','0372-5123456','处罚决定书载明的违法行为与事实不符，详见情况说明。','b1e3282df6de967a84dc1d4438b738d23991d5382c42a55ec87987cef033b2f1','public:127.0.0.1','2024-11-20T02:00:01Z',NULL,NULL,NULL,NULL,NULL);
INSERT INTO `applications` VALUES ('YY20241120719343','objection','410505',7,29,'paper','','accepted','91410505MA9K3W8L7R','','','演示数据','','demo','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z','demo',NULL,NULL,NULL);
INSERT INTO `applications` VALUES ('YY20241120735683','objection','410505',10,6,'paper','','closed','91410505MA9K3W8L7R','','','演示数据','','demo','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z','demo','2024-11-20T02:00:01Z','withdraw','演示数据');
/*!40000 ALTER TABLE `applications` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `attachment_chunks`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `attachment_chunks` (
  `attachment_id` char(32) NOT NULL,
  `seq` int(11) NOT NULL,
  `data` mediumtext CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  PRIMARY KEY (`attachment_id`,`seq`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `attachment_chunks` WRITE;
/*!40000 ALTER TABLE `attachment_chunks` DISABLE KEYS */;
INSERT INTO `attachment_chunks` VALUES ('4c53d7c04e630f2e07c74a46b2e6f188',0,'JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA1OTUgODQyXSAvUmVzb3VyY2VzIDw8IC9Gb250IDw8IC9GMSA1IDAgUiA+PiA+PiAvQ29udGVudHMgNCAwIFIgPj4KZW5kb2JqCjQgMCBvYmoKPDwgL0xlbmd0aCAzMjQgPj4Kc3RyZWFtCkJUCi9GMSAyMCBUZiAxIDAgMCAxIDcyIDc3MCBUbSA8NjBDNTUxQjU4QkY0NjYwRT4gVGoKL0YxIDEyIFRmIDEgMCAwIDEgNzIgNzMwIFRtIDw1OTA0N0Y1QTUxQjM1QjlBNEU2NjAwMjA2QkI3N0Y1QTMwMTQwMDMyMDAzMDAwMzIwMDM0MzAxNTAwMzkwMDMwMDAzMDAwMzE1M0Y3MDAyMDhGN0Q2NjBFNzY4NDhGREQ2Q0Q1ODg0QzRFM0E0RTBFNEU4QjVCOUU0RTBEN0IyNjMwMDI+IFRqCi9GMSAxMiBUZiAxIDAgMCAxIDcyIDcwOCBUbSA8RkYwODZGMTQ3OTNBNjU3MDYzNkVGRjFBNUY1MzRFOEI0RUJBNjNEMDRFQTQ3Njg0NjBDNTUxQjU4QkY0NjYwRUZGMDk+IFRqCkVUCmVuZHN0cmVhbQplbmRvYmoKNSAwIG9iago8PCAvVHlwZSAvRm9udCAvU3VidHlwZSAvVHlwZTAgL0Jhc2VGb250IC9TVFNvbmctTGlnaHQgL0VuY29kaW5nIC9VbmlHQi1VVEYxNi1IIC9EZXNjZW5kYW50Rm9udHMgWzYgMCBSXSA+PgplbmRvYmoKNiAwIG9iago8PCAvVHlwZSAvRm9udCAvU3VidHlwZSAvQ0lERm9udFR5cGUwIC9CYXNlRm9udCAvU1RTb25nLUxpZ2h0IC9DSURTeXN0ZW1JbmZvIDw8IC9SZWdpc3RyeSAoQWRvYmUpIC9PcmRlcmluZyAoR0IxKSAvU3VwcGxlbWVudCA0ID4+IC9Gb250RGVzY3JpcHRvciA3IDAgUiAvRFcgMTAwMCA+PgplbmRvYmoKNyAwIG9iago8PCAvVHlwZSAvRm9udERlc2NyaXB0b3IgL0ZvbnROYW1lIC9TVFNvbmctTGlnaHQgL0ZsYWdzIDYgL0ZvbnRCQm94IFswIC0yMDAgMTAwMCA5MDBdIC9JdGFsaWNBbmdsZSAwIC9Bc2NlbnQgODgwIC9EZXNjZW50IC0xMjAgL0NhcEhlaWdodCA4ODAgL1N0ZW1WIDkzID4+CmVuZG9iagp4cmVmCjAgOAowMDAwMDAwMDAwIDY1NTM1IGYgCjAwMDAwMDAwMTUgMDAwMDAgbiAKMDAwMDAwMDA2NCAwMDAwMCBuIAowMDAwMDAwMTIxIDAwMDAwIG4gCjAwMDAwMDAyNDcgMDAwMDAgbiAKMDAwMDAwMDYyMSAwMDAwMCBuIAowMDAwMDAwNzQ0IDAwMDAwIG4gCjAwMDAwMDA5MjQgMDAwMDAgbiAKdHJhaWxlcgo8PCAvU2l6ZSA4IC9Sb290IDEgMCBSID4+CnN0YXJ0eHJlZgoxMDk0CiUlRU9GCg==');
INSERT INTO `attachment_chunks` VALUES ('b810a8edf19750741052be85c5404ddc',0,'JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA1OTUgODQyXSAvUmVzb3VyY2VzIDw8IC9Gb250IDw8IC9GMSA1IDAgUiA+PiA+PiAvQ29udGVudHMgNCAwIFIgPj4KZW5kb2JqCjQgMCBvYmoKPDwgL0xlbmd0aCAzNjIgPj4Kc3RyZWFtCkJUCi9GMSAyMCBUZiAxIDAgMCAxIDcyIDc3MCBUbSA8NEZFMTc1Mjg2MjdGOEJGQTRFNjY+IFRqCi9GMSAxMiBUZiAxIDAgMCAxIDcyIDczMCBUbSA8NjcyQzUzNTU0RjRENURGMjVDNjU4ODRDODg0QzY1M0Y1OTA0N0Y1QTUxQjM1QjlBRkYwQzdGMzQ2RTA1N0Y1QTZCM0U1RTc2NUI4QzYyMTA2NTc0NjUzOUZGMEM+IFRqCi9GMSAxMiBUZiAxIDAgMCAxIDcyIDcwOCBUbSA8NjI3RjhCRkE0RUNBNTQwRTRGOUQ2Q0Q1N0VDRjg0MjVGRjBDNTk4MjhGREQ4MENDNjI3RjhCRkE4MUVBNjEzRjYzQTU1M0Q3NjBFOTYyMTIzMDAyPiBUagovRjEgMTIgVGYgMSAwIDAgMSA3MiA2ODYgVG0gPEZGMDg2RjE0NzkzQTY1NzA2MzZFRkYwOT4gVGoKRVQKZW5kc3RyZWFtCmVuZG9iago1IDAgb2JqCjw8IC9UeXBlIC9Gb250IC9TdWJ0eXBlIC9UeXBlMCAvQmFzZUZvbnQgL1NUU29uZy1MaWdodCAvRW5jb2RpbmcgL1VuaUdCLVVURjE2LUggL0Rlc2NlbmRhbnRGb250cyBbNiAwIFJdID4+CmVuZG9iago2IDAgb2JqCjw8IC9UeXBlIC9Gb250IC9TdWJ0eXBlIC9DSURGb250VHlwZTAgL0Jhc2VGb250IC9TVFNvbmctTGlnaHQgL0NJRFN5c3RlbUluZm8gPDwgL1JlZ2lzdHJ5IChBZG9iZSkgL09yZGVyaW5nIChHQjEpIC9TdXBwbGVtZW50IDQgPj4gL0ZvbnREZXNjcmlwdG9yIDcgMCBSIC9EVyAxMDAwID4+CmVuZG9iago3IDAgb2JqCjw8IC9UeXBlIC9Gb250RGVzY3JpcHRvciAvRm9udE5hbWUgL1NUU29uZy1MaWdodCAvRmxhZ3MgNiAvRm9udEJCb3ggWzAgLTIwMCAxMDAwIDkwMF0gL0l0YWxpY0FuZ2xlIDAgL0FzY2VudCA4ODAgL0Rlc2NlbnQgLTEyMCAvQ2FwSGVpZ2h0IDg4MCAvU3RlbVYgOTMgPj4KZW5kb2JqCnhyZWYKMCA4CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAxNSAwMDAwMCBuIAowMDAwMDAwMDY0IDAwMDAwIG4gCjAwMDAwMDAxMjEgMDAwMDAgbiAKMDAwMDAwMDI0NyAwMDAwMCBuIAowMDAwMDAwNjU5IDAwMDAwIG4gCjAwMDAwMDA3ODIgMDAwMDAgbiAKMDAwMDAwMDk2MiAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDggL1Jvb3QgMSAwIFIgPj4Kc3RhcnR4cmVmCjExMzIKJSVFT0YK');
/*!40000 ALTER TABLE `attachment_chunks` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `attachments`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `attachments` (
  `id` char(32) NOT NULL,
  `application_no` varchar(24) DEFAULT NULL,
  `sha256` char(64) NOT NULL,
  `size` bigint(20) NOT NULL,
  `media_type` varchar(32) NOT NULL,
  `file_name` varchar(255) NOT NULL,
  `uploader` varchar(80) NOT NULL,
  `created_at` char(20) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `attachments_application` (`application_no`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `attachments` WRITE;
/*!40000 ALTER TABLE `attachments` DISABLE KEYS */;
INSERT INTO `attachments` VALUES ('4c53d7c04e630f2e07c74a46b2e6f188','YY20241120382564','c8efa0ff7e72bf0bd7683ad36fc1318b05feb8b9d5d5c2599651d5a7f506c218',1318,'application/pdf','情况说明.pdf','public:127.0.0.1','2024-11-20T02:00:01Z');
INSERT INTO `attachments` VALUES ('b810a8edf19750741052be85c5404ddc','XF20241120057688','8b5988586ed36e24d3787bc4e9eb6d8cae109fcf3f4f8fe74e4b5ef9590f2b52',1356,'application/pdf','信用承诺书.pdf','public:127.0.0.1','2024-11-20T02:00:01Z');
/*!40000 ALTER TABLE `attachments` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `auth_tokens`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `auth_tokens` (
  `token_hash` char(64) NOT NULL,
  `user_id` bigint(20) NOT NULL,
  `kind` varchar(8) NOT NULL,
  `label` varchar(100) NOT NULL,
  `created_at` char(20) NOT NULL,
  `expires_at` char(20) DEFAULT NULL,
  PRIMARY KEY (`token_hash`),
  KEY `auth_tokens_user` (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `auth_tokens` WRITE;
/*!40000 ALTER TABLE `auth_tokens` DISABLE KEYS */;
INSERT INTO `auth_tokens` VALUES ('7456f61a06253e9db8fcbfdc1d7759085eabfb8dfba122624471df77df3b7d1e',1,'session','login','2024-11-20T02:00:02Z','2024-11-20T10:00:02Z');
/*!40000 ALTER TABLE `auth_tokens` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `calendar_years`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `calendar_years` (
  `region` char(6) NOT NULL,
  `year` int(11) NOT NULL,
  `version` int(11) NOT NULL,
  `body` mediumtext NOT NULL,
  `body_hash` char(64) NOT NULL,
  `title` varchar(200) NOT NULL,
  `number` varchar(100) NOT NULL,
  `published` char(10) DEFAULT NULL,
  `loaded_by` varchar(64) NOT NULL,
  `loaded_at` char(20) NOT NULL,
  PRIMARY KEY (`region`,`year`,`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `calendar_years` WRITE;
/*!40000 ALTER TABLE `calendar_years` DISABLE KEYS */;
/*!40000 ALTER TABLE `calendar_years` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `catalog_items`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `catalog_items` (
  `region` char(6) NOT NULL,
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `department_id` bigint(20) NOT NULL,
  `seq` int(11) NOT NULL,
  `power_type` varchar(32) NOT NULL,
  `name` varchar(500) NOT NULL,
  `basis` text NOT NULL,
  `subject_categories` varchar(100) NOT NULL,
  `scope` varchar(16) NOT NULL,
  PRIMARY KEY (`region`,`id`),
  KEY `catalog_items_id` (`id`),
  KEY `catalog_items_department` (`region`,`department_id`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `catalog_items` WRITE;
/*!40000 ALTER TABLE `catalog_items` DISABLE KEYS */;
INSERT INTO `catalog_items` VALUES ('410505',1,6,1,'行政许可','食品经营许可','《中华人民共和国食品安全法》第三十五条','法人及非法人组织、个体工商户','社会公开');
INSERT INTO `catalog_items` VALUES ('410505',2,6,2,'行政许可','特种设备使用登记','《中华人民共和国特种设备安全法》第三十三条','法人及非法人组织、个体工商户','社会公开');
INSERT INTO `catalog_items` VALUES ('410505',3,6,3,'行政处罚','对未取得食品经营许可从事食品经营活动的处罚','《中华人民共和国食品安全法》第一百二十二条','法人及非法人组织、个体工商户、自然人','社会公开');
INSERT INTO `catalog_items` VALUES ('410505',4,6,4,'行政处罚','对销售不符合安全标准产品的处罚','《中华人民共和国产品质量法》第四十九条','法人及非法人组织、个体工商户、自然人','社会公开');
/*!40000 ALTER TABLE `catalog_items` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `department_transfers`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `department_transfers` (
  `region` char(6) NOT NULL,
  `record_id` bigint(20) NOT NULL,
  `from_department_id` bigint(20) NOT NULL,
  `to_department_id` bigint(20) NOT NULL,
  `at` char(20) NOT NULL,
  PRIMARY KEY (`region`,`record_id`,`at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `department_transfers` WRITE;
/*!40000 ALTER TABLE `department_transfers` DISABLE KEYS */;
/*!40000 ALTER TABLE `department_transfers` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `departments`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `departments` (
  `region` char(6) NOT NULL,
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `parent_id` bigint(20) DEFAULT NULL,
  `kind` varchar(16) NOT NULL,
  `name` varchar(200) NOT NULL,
  `uscc` char(18) DEFAULT NULL,
  `successor_id` bigint(20) DEFAULT NULL,
  `valid_until` char(10) DEFAULT NULL,
  `leader` varchar(100) NOT NULL DEFAULT '',
  `section` varchar(100) NOT NULL DEFAULT '',
  `contact_name` varchar(100) NOT NULL DEFAULT '',
  `contact_phone` varchar(40) NOT NULL DEFAULT '',
  PRIMARY KEY (`region`,`id`),
  KEY `departments_id` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=45 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `departments` WRITE;
/*!40000 ALTER TABLE `departments` DISABLE KEYS */;
INSERT INTO `departments` VALUES ('140400',37,NULL,'department','市场监督管理局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('140400',38,NULL,'department','交通运输局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('140600',39,NULL,'department','市场监督管理局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('140600',40,NULL,'department','交通运输局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('231100',41,NULL,'department','市场监督管理局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('231100',42,NULL,'department','交通运输局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410122',43,NULL,'department','市场监督管理局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410122',44,NULL,'department','交通运输局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410500',35,NULL,'department','市场监督管理局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410500',36,NULL,'department','交通运输局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',1,NULL,'department','殷都区教育局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',2,NULL,'department','殷都区公安局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',3,NULL,'department','殷都区交通运输局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',4,NULL,'department','殷都区发改委',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',5,NULL,'department','殷都区卫生健康委',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',6,NULL,'department','殷都区市场监督管理局',NULL,NULL,NULL,'王建国（副局长）','法规科','李敏','0372-5961234');
INSERT INTO `departments` VALUES ('410505',7,NULL,'department','殷都区生态环境分局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',8,NULL,'department','殷都区应急局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',9,NULL,'department','殷都区林业局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',10,NULL,'department','殷都区水利局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',11,NULL,'department','殷都区文化广电体育旅游局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',12,NULL,'department','殷都区农业农村局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',13,NULL,'department','殷都区城管局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',14,NULL,'department','殷都区住房城乡建设局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',15,NULL,'department','殷都区财政局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',16,NULL,'department','殷都区人力资源社会保障局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',17,NULL,'department','殷都区统计局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',18,NULL,'department','殷都区工业和信息化局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',19,NULL,'department','殷都区司法局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',20,NULL,'department','殷都区审计局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',21,NULL,'department','殷都区医保局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',22,NULL,'department','殷都区自然资源局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',23,NULL,'department','殷都区民政局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',24,NULL,'department','殷都区商务局',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',25,NULL,'township','伦掌镇',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',26,NULL,'township','安丰乡',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',27,NULL,'township','水冶镇',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',28,NULL,'township','西郊乡',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',29,NULL,'township','许家沟乡',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',30,NULL,'township','铜冶镇',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',31,NULL,'township','曲沟镇',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',32,NULL,'township','都里镇',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',33,NULL,'township','磊口乡',NULL,NULL,NULL,'','','','');
INSERT INTO `departments` VALUES ('410505',34,NULL,'township','洪河屯乡',NULL,NULL,NULL,'','','','');
/*!40000 ALTER TABLE `departments` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `events`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `events` (
  `region` char(6) NOT NULL,
  `record_id` bigint(20) NOT NULL,
  `seq` int(11) NOT NULL,
  `event` varchar(32) NOT NULL,
  `from_state` varchar(20) NOT NULL,
  `to_state` varchar(20) NOT NULL,
  `actor` varchar(64) NOT NULL,
  `actor_role` varchar(32) NOT NULL,
  `at` char(20) NOT NULL,
  `payload` text NOT NULL,
  `rule_version` varchar(255) NOT NULL,
  PRIMARY KEY (`region`,`record_id`,`seq`),
  KEY `events_by_kind` (`region`,`event`,`at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `events` WRITE;
/*!40000 ALTER TABLE `events` DISABLE KEYS */;
INSERT INTO `events` VALUES ('410122',350,1,'create','','draft','demo','filler','2024-11-20T02:00:01Z','{\"backfill\":false,\"timeliness\":\"missing\",\"scope\":\"社会公开\",\"rules\":{\"tier\":\"一般\",\"sector\":\"食品\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般；处罚依据、违法行为类型或处罚机关含「食品」：食品领域\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"北京市信用修复问答引令第58号：食品、药品、特种设备、安全生产、消防领域行政处罚信息最短公示期一年（深圳市转述只列后三项，待核原文）\",\"period_tier\":\"\",\"min_months\":12,\"max_months\":36,\"latest_end\":\"2027-09-08\"}}','410122/national_standard@1.1+410122@66466a383ca0+periods@376fda68395e');
INSERT INTO `events` VALUES ('410122',350,2,'mark:warned','draft','draft','system','system','2024-11-20T02:00:01Z','{}','410122/national_standard@1.1+410122@66466a383ca0+periods@376fda68395e');
INSERT INTO `events` VALUES ('410122',350,3,'mark:overdue_late','draft','draft','system','system','2024-11-20T02:00:01Z','{}','410122/national_standard@1.1+410122@66466a383ca0+periods@376fda68395e');
INSERT INTO `events` VALUES ('410122',350,4,'mark:overdue_missing','draft','draft','system','system','2024-11-20T02:00:01Z','{}','410122/national_standard@1.1+410122@66466a383ca0+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',1,1,'create','','draft','tianbao','filler','2024-02-24T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',1,2,'mark:warned','draft','draft','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',1,3,'mark:overdue_late','draft','draft','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',1,4,'mark:overdue_missing','draft','draft','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',2,1,'create','','draft','tianbao','filler','2024-06-13T02:00:00Z','{\"backfill\":false,\"timeliness\":\"missing\",\"scope\":\"社会公开\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',2,2,'submit','draft','submitted','demo','filler','2024-06-13T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',2,3,'mark:warned','submitted','submitted','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',2,4,'mark:overdue_late','submitted','submitted','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',2,5,'mark:overdue_missing','submitted','submitted','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',3,1,'create','','draft','tianbao','filler','2024-05-05T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',3,2,'submit','draft','submitted','demo','filler','2024-05-05T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',3,3,'reject','submitted','returned','demo','reviewer','2024-05-05T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',3,4,'mark:warned','returned','returned','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',3,5,'mark:overdue_late','returned','returned','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',3,6,'mark:overdue_missing','returned','returned','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',4,1,'create','','draft','tianbao','filler','2024-07-21T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',4,2,'submit','draft','submitted','demo','filler','2024-07-21T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',4,3,'approve','submitted','approved','demo','reviewer','2024-07-21T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',4,4,'mark:warned','approved','approved','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',4,5,'mark:overdue_late','approved','approved','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',4,6,'mark:overdue_missing','approved','approved','system','system','2024-11-20T02:00:01Z','{}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',5,1,'create','','draft','tianbao','filler','2024-06-03T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',5,2,'submit','draft','submitted','demo','filler','2024-06-03T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',5,3,'approve','submitted','approved','demo','reviewer','2024-06-03T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',5,4,'publish','approved','published','demo','reviewer','2024-06-03T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',6,1,'create','','draft','tianbao','filler','2024-05-01T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"政务共享\",\"rules\":{\"tier\":\"一般\",\"sector\":\"食品\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般；处罚依据、违法行为类型或处罚机关含「食品」：食品领域\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"北京市信用修复问答引令第58号：食品、药品、特种设备、安全生产、消防领域行政处罚信息最短公示期一年（深圳市转述只列后三项，待核原文）\",\"period_tier\":\"\",\"min_months\":12,\"max_months\":36,\"latest_end\":\"2027-04-28\"}}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',6,2,'submit','draft','submitted','demo','filler','2024-05-01T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',6,3,'approve','submitted','approved','demo','reviewer','2024-05-01T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',6,4,'withhold','approved','withheld','demo','reviewer','2024-05-01T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',7,1,'create','','draft','tianbao','filler','2024-04-11T02:00:00Z','{\"backfill\":false,\"timeliness\":\"missing\",\"scope\":\"社会公开\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',7,2,'submit','draft','submitted','demo','filler','2024-04-11T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',7,3,'approve','submitted','approved','demo','reviewer','2024-04-11T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',7,4,'publish','approved','published','demo','reviewer','2024-04-11T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',7,5,'object','published','objected','demo','objection_handler','2024-11-20T02:00:01Z','{\"reason\":\"演示数据\",\"application\":\"YY20241120719343\",\"channel\":\"paper\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',8,1,'create','','draft','tianbao','filler','2023-12-21T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\",\"rules\":{\"tier\":\"一般\",\"sector\":\"食品\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般；处罚依据、违法行为类型或处罚机关含「食品」：食品领域\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"北京市信用修复问答引令第58号：食品、药品、特种设备、安全生产、消防领域行政处罚信息最短公示期一年（深圳市转述只列后三项，待核原文）\",\"period_tier\":\"\",\"min_months\":12,\"max_months\":36,\"latest_end\":\"2026-12-20\"}}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',8,2,'submit','draft','submitted','demo','filler','2023-12-21T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',8,3,'approve','submitted','approved','demo','reviewer','2023-12-21T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',8,4,'publish','approved','published','demo','reviewer','2023-12-21T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',8,5,'amend','published','corrected','demo','dept_admin','2024-11-20T02:00:01Z','{\"reason\":\"演示数据\",\"changes\":{\"CF_WFXW\":{\"from\":\"销售超过保质期的食品\",\"to\":\"销售超过保质期的食品（更正）\"}}}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',9,1,'create','','draft','tianbao','filler','2024-07-25T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\",\"rules\":{\"tier\":\"一般\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"令第58号：行政处罚信息最短公示期为三个月，最长公示期为三年；同一决定涉及多种处罚类型的以期限最长的类型为准；起点以行政处罚作出时间为准（据深圳市、北京市信用修复问答转述，条文编号未核实）\",\"period_tier\":\"\",\"min_months\":3,\"max_months\":36,\"latest_end\":\"2027-07-23\"}}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',9,2,'submit','draft','submitted','demo','filler','2024-07-25T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',9,3,'approve','submitted','approved','demo','reviewer','2024-07-25T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',9,4,'publish','approved','published','demo','reviewer','2024-07-25T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',9,5,'request_repair','published','repair_requested','demo','dept_admin','2024-11-20T02:00:01Z','{\"reason\":\"演示数据\",\"application\":\"XF20241120525867\",\"channel\":\"paper\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',10,1,'create','','draft','tianbao','filler','2024-10-08T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',10,2,'submit','draft','submitted','demo','filler','2024-10-08T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',10,3,'approve','submitted','approved','demo','reviewer','2024-10-08T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',10,4,'publish','approved','published','demo','reviewer','2024-10-08T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',10,5,'object','published','objected','demo','objection_handler','2024-11-20T02:00:01Z','{\"reason\":\"演示数据\",\"application\":\"YY20241120735683\",\"channel\":\"paper\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',10,6,'withdraw','objected','withdrawn','demo','objection_handler','2024-11-20T02:00:01Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',11,1,'create','','draft','tianbao','filler','2023-12-29T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',11,2,'submit','draft','submitted','demo','filler','2023-12-29T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',11,3,'approve','submitted','approved','demo','reviewer','2023-12-29T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',11,4,'publish','approved','published','demo','reviewer','2023-12-29T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',12,1,'create','','draft','tianbao','filler','2024-02-01T02:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\",\"rules\":{\"tier\":\"一般\",\"sector\":\"食品\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般；处罚依据、违法行为类型或处罚机关含「食品」：食品领域\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"北京市信用修复问答引令第58号：食品、药品、特种设备、安全生产、消防领域行政处罚信息最短公示期一年（深圳市转述只列后三项，待核原文）\",\"period_tier\":\"\",\"min_months\":12,\"max_months\":36,\"latest_end\":\"2027-02-01\"}}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',12,2,'submit','draft','submitted','demo','filler','2024-02-01T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',12,3,'approve','submitted','approved','demo','reviewer','2024-02-01T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',12,4,'revoke','approved','revoked','demo','dept_admin','2024-02-01T03:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',351,1,'create','','draft','tianbao','filler','2024-11-11T00:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\",\"rules\":{\"tier\":\"一般\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"令第58号：行政处罚信息最短公示期为三个月，最长公示期为三年；同一决定涉及多种处罚类型的以期限最长的类型为准；起点以行政处罚作出时间为准（据深圳市、北京市信用修复问答转述，条文编号未核实）\",\"period_tier\":\"\",\"min_months\":3,\"max_months\":36,\"latest_end\":\"2027-11-10\"}}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',351,2,'submit','draft','submitted','demo','filler','2024-11-11T01:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',351,3,'approve','submitted','approved','demo','reviewer','2024-11-11T01:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',351,4,'publish','approved','published','demo','reviewer','2024-11-11T01:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',352,1,'create','','draft','tianbao','filler','2024-07-24T00:00:00Z','{\"backfill\":false,\"timeliness\":\"on_time\",\"scope\":\"社会公开\",\"rules\":{\"tier\":\"一般\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"令第58号：行政处罚信息最短公示期为三个月，最长公示期为三年；同一决定涉及多种处罚类型的以期限最长的类型为准；起点以行政处罚作出时间为准（据深圳市、北京市信用修复问答转述，条文编号未核实）\",\"period_tier\":\"\",\"min_months\":3,\"max_months\":36,\"latest_end\":\"2027-07-23\"}}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',352,2,'submit','draft','submitted','demo','filler','2024-07-24T01:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',352,3,'approve','submitted','approved','demo','reviewer','2024-07-24T01:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',352,4,'publish','approved','published','demo','reviewer','2024-07-24T01:00:00Z','{\"reason\":\"演示数据\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
INSERT INTO `events` VALUES ('410505',352,5,'request_repair','published','repair_requested','subject:XF20241120057688','subject','2024-11-20T02:00:01Z','{\"application\":\"XF20241120057688\",\"comment\":\"已于决定作出后十五日内缴清罚款，并完成整改；附信用承诺书。\"}','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e');
/*!40000 ALTER TABLE `events` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `idempotency_keys`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `idempotency_keys` (
  `region` char(6) NOT NULL,
  `idem_key` varchar(200) NOT NULL,
  `request_hash` char(64) NOT NULL,
  `record_id` bigint(20) NOT NULL,
  `created_at` char(20) NOT NULL,
  PRIMARY KEY (`region`,`idem_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `idempotency_keys` WRITE;
/*!40000 ALTER TABLE `idempotency_keys` DISABLE KEYS */;
/*!40000 ALTER TABLE `idempotency_keys` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `import_errors`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `import_errors` (
  `job_id` bigint(20) NOT NULL,
  `row_no` int(11) NOT NULL,
  `seq` int(11) NOT NULL,
  `field` varchar(64) NOT NULL,
  `message_zh` text NOT NULL,
  `message_en` text NOT NULL,
  PRIMARY KEY (`job_id`,`row_no`,`seq`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `import_errors` WRITE;
/*!40000 ALTER TABLE `import_errors` DISABLE KEYS */;
/*!40000 ALTER TABLE `import_errors` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `import_jobs`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `import_jobs` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `region` char(6) NOT NULL,
  `department_id` bigint(20) DEFAULT NULL,
  `user_login` varchar(64) NOT NULL,
  `kind` varchar(8) NOT NULL,
  `file_name` varchar(255) NOT NULL,
  `status` varchar(12) NOT NULL,
  `rows_total` int(11) NOT NULL DEFAULT 0,
  `rows_done` int(11) NOT NULL DEFAULT 0,
  `rows_ok` int(11) NOT NULL DEFAULT 0,
  `rows_failed` int(11) NOT NULL DEFAULT 0,
  `message` text NOT NULL,
  `created_at` char(20) NOT NULL,
  `finished_at` char(20) DEFAULT NULL,
  `worker` varchar(80) DEFAULT NULL,
  `work_file` varchar(1024) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `import_jobs` WRITE;
/*!40000 ALTER TABLE `import_jobs` DISABLE KEYS */;
/*!40000 ALTER TABLE `import_jobs` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `outbox`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `outbox` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `region` char(6) NOT NULL,
  `record_id` bigint(20) NOT NULL,
  `topic` varchar(64) NOT NULL,
  `payload` text NOT NULL,
  `created_at` char(20) NOT NULL,
  `attempts` int(11) NOT NULL DEFAULT 0,
  `next_attempt_at` char(20) NOT NULL,
  `delivered_at` char(20) DEFAULT NULL,
  `upstream_at` char(20) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `outbox_pending` (`delivered_at`,`next_attempt_at`),
  KEY `outbox_undelivered` (`delivered_at`,`id`),
  KEY `outbox_upstream` (`upstream_at`,`id`)
) ENGINE=InnoDB AUTO_INCREMENT=1536 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `outbox` WRITE;
/*!40000 ALTER TABLE `outbox` DISABLE KEYS */;
INSERT INTO `outbox` VALUES (1,'410505',1,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":1,\"state\":\"draft\",\"version\":1,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕1号\"}','2024-02-24T02:00:00Z',0,'2024-02-24T02:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (2,'410505',2,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":2,\"state\":\"draft\",\"version\":1,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕2号\"}','2024-06-13T02:00:00Z',0,'2024-06-13T02:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (3,'410505',2,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":2,\"state\":\"submitted\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕2号\"}','2024-06-13T03:00:00Z',0,'2024-06-13T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (4,'410505',3,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":3,\"state\":\"draft\",\"version\":1,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕3号\"}','2024-05-05T02:00:00Z',0,'2024-05-05T02:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (5,'410505',3,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":3,\"state\":\"submitted\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕3号\"}','2024-05-05T03:00:00Z',0,'2024-05-05T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (6,'410505',3,'record.reject','{\"topic\":\"record.reject\",\"region\":\"410505\",\"id\":3,\"state\":\"returned\",\"version\":3,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕3号\"}','2024-05-05T03:00:00Z',0,'2024-05-05T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (7,'410505',4,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":4,\"state\":\"draft\",\"version\":1,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕4号\"}','2024-07-21T02:00:00Z',0,'2024-07-21T02:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (8,'410505',4,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":4,\"state\":\"submitted\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕4号\"}','2024-07-21T03:00:00Z',0,'2024-07-21T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (9,'410505',4,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":4,\"state\":\"approved\",\"version\":3,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕4号\"}','2024-07-21T03:00:00Z',0,'2024-07-21T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (10,'410505',5,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":5,\"state\":\"draft\",\"version\":1,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕5号\"}','2024-06-03T02:00:00Z',0,'2024-06-03T02:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (11,'410505',5,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":5,\"state\":\"submitted\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕5号\"}','2024-06-03T03:00:00Z',0,'2024-06-03T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (12,'410505',5,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":5,\"state\":\"approved\",\"version\":3,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕5号\"}','2024-06-03T03:00:00Z',0,'2024-06-03T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (13,'410505',5,'record.publish','{\"topic\":\"record.publish\",\"region\":\"410505\",\"id\":5,\"state\":\"published\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕5号\"}','2024-06-03T03:00:00Z',0,'2024-06-03T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (14,'410505',6,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":6,\"state\":\"draft\",\"version\":1,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕6号\"}','2024-05-01T02:00:00Z',0,'2024-05-01T02:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (15,'410505',6,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":6,\"state\":\"submitted\",\"version\":2,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕6号\"}','2024-05-01T03:00:00Z',0,'2024-05-01T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (16,'410505',6,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":6,\"state\":\"approved\",\"version\":3,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕6号\"}','2024-05-01T03:00:00Z',0,'2024-05-01T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (17,'410505',6,'record.withhold','{\"topic\":\"record.withhold\",\"region\":\"410505\",\"id\":6,\"state\":\"withheld\",\"version\":4,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕6号\"}','2024-05-01T03:00:00Z',0,'2024-05-01T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (18,'410505',7,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":7,\"state\":\"draft\",\"version\":1,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕7号\"}','2024-04-11T02:00:00Z',0,'2024-04-11T02:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (19,'410505',7,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":7,\"state\":\"submitted\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕7号\"}','2024-04-11T03:00:00Z',0,'2024-04-11T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (20,'410505',7,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":7,\"state\":\"approved\",\"version\":3,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕7号\"}','2024-04-11T03:00:00Z',0,'2024-04-11T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (21,'410505',7,'record.publish','{\"topic\":\"record.publish\",\"region\":\"410505\",\"id\":7,\"state\":\"published\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕7号\"}','2024-04-11T03:00:00Z',0,'2024-04-11T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (22,'410505',7,'record.object','{\"topic\":\"record.object\",\"region\":\"410505\",\"id\":7,\"state\":\"objected\",\"version\":5,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕7号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (23,'410505',8,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":8,\"state\":\"draft\",\"version\":1,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2023〕8号\"}','2023-12-21T02:00:00Z',0,'2023-12-21T02:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (24,'410505',8,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":8,\"state\":\"submitted\",\"version\":2,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2023〕8号\"}','2023-12-21T03:00:00Z',0,'2023-12-21T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (25,'410505',8,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":8,\"state\":\"approved\",\"version\":3,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2023〕8号\"}','2023-12-21T03:00:00Z',0,'2023-12-21T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (26,'410505',8,'record.publish','{\"topic\":\"record.publish\",\"region\":\"410505\",\"id\":8,\"state\":\"published\",\"version\":4,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2023〕8号\"}','2023-12-21T03:00:00Z',0,'2023-12-21T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (27,'410505',8,'record.amend','{\"topic\":\"record.amend\",\"region\":\"410505\",\"id\":8,\"state\":\"corrected\",\"version\":5,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2023〕8号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (28,'410505',9,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":9,\"state\":\"draft\",\"version\":1,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9号\"}','2024-07-25T02:00:00Z',0,'2024-07-25T02:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (29,'410505',9,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":9,\"state\":\"submitted\",\"version\":2,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9号\"}','2024-07-25T03:00:00Z',0,'2024-07-25T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (30,'410505',9,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":9,\"state\":\"approved\",\"version\":3,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9号\"}','2024-07-25T03:00:00Z',0,'2024-07-25T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (31,'410505',9,'record.publish','{\"topic\":\"record.publish\",\"region\":\"410505\",\"id\":9,\"state\":\"published\",\"version\":4,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9号\"}','2024-07-25T03:00:00Z',0,'2024-07-25T03:00:00Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (32,'410505',9,'record.request_repair','{\"topic\":\"record.request_repair\",\"region\":\"410505\",\"id\":9,\"state\":\"repair_requested\",\"version\":5,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:01Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (33,'410505',10,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":10,\"state\":\"draft\",\"version\":1,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕10号\"}','2024-10-08T02:00:00Z',0,'2024-10-08T02:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (34,'410505',10,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":10,\"state\":\"submitted\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕10号\"}','2024-10-08T03:00:00Z',0,'2024-10-08T03:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (35,'410505',10,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":10,\"state\":\"approved\",\"version\":3,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕10号\"}','2024-10-08T03:00:00Z',0,'2024-10-08T03:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (36,'410505',10,'record.publish','{\"topic\":\"record.publish\",\"region\":\"410505\",\"id\":10,\"state\":\"published\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕10号\"}','2024-10-08T03:00:00Z',0,'2024-10-08T03:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (37,'410505',10,'record.object','{\"topic\":\"record.object\",\"region\":\"410505\",\"id\":10,\"state\":\"objected\",\"version\":5,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕10号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (38,'410505',10,'record.withdraw','{\"topic\":\"record.withdraw\",\"region\":\"410505\",\"id\":10,\"state\":\"withdrawn\",\"version\":6,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕10号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (39,'410505',11,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":11,\"state\":\"draft\",\"version\":1,\"kind\":\"license\",\"document_no\":\"殷许〔2023〕11号\"}','2023-12-29T02:00:00Z',0,'2023-12-29T02:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (40,'410505',11,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":11,\"state\":\"submitted\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2023〕11号\"}','2023-12-29T03:00:00Z',0,'2023-12-29T03:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (41,'410505',11,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":11,\"state\":\"approved\",\"version\":3,\"kind\":\"license\",\"document_no\":\"殷许〔2023〕11号\"}','2023-12-29T03:00:00Z',0,'2023-12-29T03:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (42,'410505',11,'record.publish','{\"topic\":\"record.publish\",\"region\":\"410505\",\"id\":11,\"state\":\"published\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2023〕11号\"}','2023-12-29T03:00:00Z',0,'2023-12-29T03:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (43,'410505',12,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":12,\"state\":\"draft\",\"version\":1,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕12号\"}','2024-02-01T02:00:00Z',0,'2024-02-01T02:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (44,'410505',12,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":12,\"state\":\"submitted\",\"version\":2,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕12号\"}','2024-02-01T03:00:00Z',0,'2024-02-01T03:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (45,'410505',12,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":12,\"state\":\"approved\",\"version\":3,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕12号\"}','2024-02-01T03:00:00Z',0,'2024-02-01T03:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (46,'410505',12,'record.revoke','{\"topic\":\"record.revoke\",\"region\":\"410505\",\"id\":12,\"state\":\"revoked\",\"version\":4,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕12号\"}','2024-02-01T03:00:00Z',0,'2024-02-01T03:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1188,'410122',350,'record.created','{\"topic\":\"record.created\",\"region\":\"410122\",\"id\":350,\"state\":\"draft\",\"version\":1,\"kind\":\"penalty\",\"document_no\":\"410122罚〔2024〕10号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1189,'410505',351,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":351,\"state\":\"draft\",\"version\":1,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9001号\"}','2024-11-11T00:00:00Z',0,'2024-11-11T00:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1190,'410505',351,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":351,\"state\":\"submitted\",\"version\":2,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9001号\"}','2024-11-11T01:00:00Z',0,'2024-11-11T01:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1191,'410505',351,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":351,\"state\":\"approved\",\"version\":3,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9001号\"}','2024-11-11T01:00:00Z',0,'2024-11-11T01:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1192,'410505',351,'record.publish','{\"topic\":\"record.publish\",\"region\":\"410505\",\"id\":351,\"state\":\"published\",\"version\":4,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9001号\"}','2024-11-11T01:00:00Z',0,'2024-11-11T01:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1193,'410505',352,'record.created','{\"topic\":\"record.created\",\"region\":\"410505\",\"id\":352,\"state\":\"draft\",\"version\":1,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9002号\"}','2024-07-24T00:00:00Z',0,'2024-07-24T00:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1194,'410505',352,'record.submit','{\"topic\":\"record.submit\",\"region\":\"410505\",\"id\":352,\"state\":\"submitted\",\"version\":2,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9002号\"}','2024-07-24T01:00:00Z',0,'2024-07-24T01:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1195,'410505',352,'record.approve','{\"topic\":\"record.approve\",\"region\":\"410505\",\"id\":352,\"state\":\"approved\",\"version\":3,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9002号\"}','2024-07-24T01:00:00Z',0,'2024-07-24T01:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1196,'410505',352,'record.publish','{\"topic\":\"record.publish\",\"region\":\"410505\",\"id\":352,\"state\":\"published\",\"version\":4,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9002号\"}','2024-07-24T01:00:00Z',0,'2024-07-24T01:00:00Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1197,'410505',352,'record.request_repair','{\"topic\":\"record.request_repair\",\"region\":\"410505\",\"id\":352,\"state\":\"repair_requested\",\"version\":5,\"kind\":\"penalty\",\"document_no\":\"殷罚〔2024〕9002号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1270,'410505',1,'record.warned','{\"topic\":\"record.warned\",\"region\":\"410505\",\"id\":1,\"state\":\"draft\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕1号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1271,'410505',1,'record.overdue_late','{\"topic\":\"record.overdue_late\",\"region\":\"410505\",\"id\":1,\"state\":\"draft\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕1号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1272,'410505',1,'record.overdue_missing','{\"topic\":\"record.overdue_missing\",\"region\":\"410505\",\"id\":1,\"state\":\"draft\",\"version\":2,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕1号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1297,'410505',2,'record.warned','{\"topic\":\"record.warned\",\"region\":\"410505\",\"id\":2,\"state\":\"submitted\",\"version\":3,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕2号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1298,'410505',2,'record.overdue_late','{\"topic\":\"record.overdue_late\",\"region\":\"410505\",\"id\":2,\"state\":\"submitted\",\"version\":3,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕2号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1299,'410505',2,'record.overdue_missing','{\"topic\":\"record.overdue_missing\",\"region\":\"410505\",\"id\":2,\"state\":\"submitted\",\"version\":3,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕2号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1300,'410505',3,'record.warned','{\"topic\":\"record.warned\",\"region\":\"410505\",\"id\":3,\"state\":\"returned\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕3号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1301,'410505',3,'record.overdue_late','{\"topic\":\"record.overdue_late\",\"region\":\"410505\",\"id\":3,\"state\":\"returned\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕3号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z','2024-11-20T02:00:02Z','2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1302,'410505',3,'record.overdue_missing','{\"topic\":\"record.overdue_missing\",\"region\":\"410505\",\"id\":3,\"state\":\"returned\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕3号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z',NULL,'2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1348,'410505',4,'record.warned','{\"topic\":\"record.warned\",\"region\":\"410505\",\"id\":4,\"state\":\"approved\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕4号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z',NULL,'2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1349,'410505',4,'record.overdue_late','{\"topic\":\"record.overdue_late\",\"region\":\"410505\",\"id\":4,\"state\":\"approved\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕4号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z',NULL,'2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1350,'410505',4,'record.overdue_missing','{\"topic\":\"record.overdue_missing\",\"region\":\"410505\",\"id\":4,\"state\":\"approved\",\"version\":4,\"kind\":\"license\",\"document_no\":\"殷许〔2024〕4号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z',NULL,'2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1396,'410122',350,'record.warned','{\"topic\":\"record.warned\",\"region\":\"410122\",\"id\":350,\"state\":\"draft\",\"version\":2,\"kind\":\"penalty\",\"document_no\":\"410122罚〔2024〕10号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z',NULL,'2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1397,'410122',350,'record.overdue_late','{\"topic\":\"record.overdue_late\",\"region\":\"410122\",\"id\":350,\"state\":\"draft\",\"version\":2,\"kind\":\"penalty\",\"document_no\":\"410122罚〔2024〕10号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z',NULL,'2024-11-20T02:00:01Z');
INSERT INTO `outbox` VALUES (1398,'410122',350,'record.overdue_missing','{\"topic\":\"record.overdue_missing\",\"region\":\"410122\",\"id\":350,\"state\":\"draft\",\"version\":2,\"kind\":\"penalty\",\"document_no\":\"410122罚〔2024〕10号\"}','2024-11-20T02:00:01Z',0,'2024-11-20T02:00:01Z',NULL,'2024-11-20T02:00:01Z');
/*!40000 ALTER TABLE `outbox` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `package_imports`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `package_imports` (
  `package_id` char(32) NOT NULL,
  `region` char(6) NOT NULL,
  `period_from` char(10) NOT NULL,
  `period_to` char(10) NOT NULL,
  `file_name` varchar(255) NOT NULL,
  `imported_at` char(20) NOT NULL,
  `imported_by` varchar(64) NOT NULL,
  `created` int(11) NOT NULL,
  `repeated` int(11) NOT NULL,
  `refused` int(11) NOT NULL,
  PRIMARY KEY (`package_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `package_imports` WRITE;
/*!40000 ALTER TABLE `package_imports` DISABLE KEYS */;
/*!40000 ALTER TABLE `package_imports` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `records`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `records` (
  `region` char(6) NOT NULL,
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `department_id` bigint(20) DEFAULT NULL,
  `catalog_item_id` bigint(20) DEFAULT NULL,
  `kind` varchar(8) NOT NULL,
  `state` varchar(20) NOT NULL,
  `document_no` varchar(128) NOT NULL,
  `subject_code` varchar(64) NOT NULL,
  `decision_date` char(10) NOT NULL,
  `received_at` char(20) NOT NULL,
  `timeliness` varchar(8) NOT NULL,
  `backfill` tinyint(4) NOT NULL DEFAULT 0,
  `publish_by` char(10) DEFAULT NULL,
  `late_after` char(10) DEFAULT NULL,
  `missing_after` char(10) DEFAULT NULL,
  `publication_end` char(10) DEFAULT NULL,
  `objection_due` char(10) DEFAULT NULL,
  `repair_due` char(10) DEFAULT NULL,
  `withdraw_due` char(10) DEFAULT NULL,
  `scope` varchar(16) NOT NULL,
  `flags` varchar(255) NOT NULL DEFAULT '',
  `next_due` char(10) DEFAULT NULL,
  `submitted_at` char(20) DEFAULT NULL,
  `approved_at` char(20) DEFAULT NULL,
  `published_at` char(20) DEFAULT NULL,
  `closed_at` char(20) DEFAULT NULL,
  `rule_version` varchar(255) NOT NULL,
  `version` int(11) NOT NULL,
  `data` mediumtext NOT NULL,
  `updated_at` char(20) NOT NULL,
  `repair_from` char(10) DEFAULT NULL,
  `calendar_provisional` tinyint(4) NOT NULL DEFAULT 0,
  `rule_notes` mediumtext DEFAULT NULL,
  PRIMARY KEY (`region`,`id`),
  UNIQUE KEY `records_natural` (`region`,`kind`,`document_no`,`subject_code`),
  KEY `records_id` (`id`),
  KEY `records_list` (`region`,`department_id`,`state`,`decision_date`),
  KEY `records_due` (`next_due`),
  KEY `records_received` (`region`,`received_at`,`department_id`),
  KEY `records_provisional` (`calendar_provisional`,`region`),
  KEY `records_received_order` (`region`,`received_at`,`id`)
) ENGINE=InnoDB AUTO_INCREMENT=353 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `records` WRITE;
/*!40000 ALTER TABLE `records` DISABLE KEYS */;
INSERT INTO `records` VALUES ('410122',350,NULL,NULL,'penalty','draft','410122罚〔2024〕10号','91410505MA9K3W8L7R','2024-09-08','2024-11-20T02:00:01Z','missing',0,'2024-09-18','2024-09-18','2024-10-18','2027-09-08',NULL,NULL,NULL,'社会公开','warned,overdue_late,overdue_missing',NULL,NULL,NULL,NULL,NULL,'410122/national_standard@1.1+410122@66466a383ca0+periods@376fda68395e',2,'{\"CF_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"CF_XDR_LB\":\"法人及非法人组织\",\"CF_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"CF_FRDB\":\"王某\",\"CF_WSH\":\"410122罚〔2024〕10号\",\"CF_WFXW\":\"销售超过保质期的食品\",\"CF_SY\":\"经查，当事人于2024年6月销售超过保质期的饮料12瓶。\",\"CF_YJ\":\"《中华人民共和国食品安全法》第一百二十四条第一款\",\"CF_CFLB\":\"警告;罚款\",\"CF_NR\":\"警告，并处罚款2000元\",\"CF_NR_FK\":\"0.2\",\"CF_JDRQ\":\"2024-09-08\",\"CF_YXQ\":\"2025-09-08\",\"CF_CFJG\":\"安阳市殷都区市场监督管理局\",\"CF_CFJGDM\":\"11230500001755309F\",\"CF_SJLY\":\"安阳市殷都区市场监督管理局\",\"CF_SJLYDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z','2025-09-08',0,'{\"tier\":\"一般\",\"sector\":\"食品\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般；处罚依据、违法行为类型或处罚机关含「食品」：食品领域\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"北京市信用修复问答引令第58号：食品、药品、特种设备、安全生产、消防领域行政处罚信息最短公示期一年（深圳市转述只列后三项，待核原文）\",\"period_tier\":\"\",\"min_months\":12,\"max_months\":36,\"latest_end\":\"2027-09-08\"}');
INSERT INTO `records` VALUES ('410505',1,33,NULL,'license','draft','殷许〔2024〕1号','91410505MA9K3W8L7R','2024-02-23','2024-02-24T02:00:00Z','on_time',0,'2024-03-01','2024-03-01','2024-03-31','2029-02-23',NULL,NULL,NULL,'社会公开','warned,overdue_late,overdue_missing',NULL,NULL,NULL,NULL,NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',2,'{\"XK_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"XK_XDR_LB\":\"法人及非法人组织\",\"XK_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"XK_FRDB\":\"王某\",\"XK_XKWS\":\"食品经营许可决定书\",\"XK_WSH\":\"殷许〔2024〕1号\",\"XK_XKLB\":\"普通\",\"XK_XKZS\":\"食品经营许可证\",\"XK_XKBH\":\"JY14105050012345\",\"XK_NR\":\"预包装食品销售（含冷藏冷冻食品）\",\"XK_JDRQ\":\"2024-02-23\",\"XK_YXQZ\":\"2024-02-23\",\"XK_YXQZI\":\"2029-02-23\",\"XK_XKJG\":\"安阳市磊口乡\",\"XK_XKJGDM\":\"11230500001755309F\",\"XK_ZT\":\"1\",\"XK_LYDW\":\"安阳市殷都区市场监督管理局\",\"XK_LYDWDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z',NULL,0,NULL);
INSERT INTO `records` VALUES ('410505',2,22,NULL,'license','submitted','殷许〔2024〕2号','91410505MA9K3W8L7R','2024-05-05','2024-06-13T02:00:00Z','missing',0,'2024-05-10','2024-05-10','2024-06-09','2029-05-05',NULL,NULL,NULL,'社会公开','warned,overdue_late,overdue_missing',NULL,'2024-06-13T03:00:00Z',NULL,NULL,NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',3,'{\"XK_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"XK_XDR_LB\":\"法人及非法人组织\",\"XK_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"XK_FRDB\":\"王某\",\"XK_XKWS\":\"食品经营许可决定书\",\"XK_WSH\":\"殷许〔2024〕2号\",\"XK_XKLB\":\"普通\",\"XK_XKZS\":\"食品经营许可证\",\"XK_XKBH\":\"JY14105050012345\",\"XK_NR\":\"预包装食品销售（含冷藏冷冻食品）\",\"XK_JDRQ\":\"2024-05-05\",\"XK_YXQZ\":\"2024-05-05\",\"XK_YXQZI\":\"2029-05-05\",\"XK_XKJG\":\"安阳市殷都区自然资源局\",\"XK_XKJGDM\":\"11230500001755309F\",\"XK_ZT\":\"1\",\"XK_LYDW\":\"安阳市殷都区市场监督管理局\",\"XK_LYDWDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z',NULL,0,NULL);
INSERT INTO `records` VALUES ('410505',3,5,NULL,'license','returned','殷许〔2024〕3号','91410505MA9K3W8L7R','2024-05-03','2024-05-05T02:00:00Z','on_time',0,'2024-05-10','2024-05-10','2024-06-09','2029-05-03',NULL,NULL,NULL,'社会公开','warned,overdue_late,overdue_missing',NULL,'2024-05-05T03:00:00Z',NULL,NULL,NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',4,'{\"XK_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"XK_XDR_LB\":\"法人及非法人组织\",\"XK_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"XK_FRDB\":\"王某\",\"XK_XKWS\":\"食品经营许可决定书\",\"XK_WSH\":\"殷许〔2024〕3号\",\"XK_XKLB\":\"普通\",\"XK_XKZS\":\"食品经营许可证\",\"XK_XKBH\":\"JY14105050012345\",\"XK_NR\":\"预包装食品销售（含冷藏冷冻食品）\",\"XK_JDRQ\":\"2024-05-03\",\"XK_YXQZ\":\"2024-05-03\",\"XK_YXQZI\":\"2029-05-03\",\"XK_XKJG\":\"安阳市殷都区卫生健康委\",\"XK_XKJGDM\":\"11230500001755309F\",\"XK_ZT\":\"1\",\"XK_LYDW\":\"安阳市殷都区市场监督管理局\",\"XK_LYDWDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z',NULL,0,NULL);
INSERT INTO `records` VALUES ('410505',4,3,NULL,'license','approved','殷许〔2024〕4号','91410505MA9K3W8L7R','2024-07-20','2024-07-21T02:00:00Z','on_time',0,'2024-07-26','2024-07-26','2024-08-25','2029-07-20',NULL,NULL,NULL,'社会公开','warned,overdue_late,overdue_missing',NULL,'2024-07-21T03:00:00Z','2024-07-21T03:00:00Z',NULL,NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',4,'{\"XK_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"XK_XDR_LB\":\"法人及非法人组织\",\"XK_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"XK_FRDB\":\"王某\",\"XK_XKWS\":\"食品经营许可决定书\",\"XK_WSH\":\"殷许〔2024〕4号\",\"XK_XKLB\":\"普通\",\"XK_XKZS\":\"食品经营许可证\",\"XK_XKBH\":\"JY14105050012345\",\"XK_NR\":\"预包装食品销售（含冷藏冷冻食品）\",\"XK_JDRQ\":\"2024-07-20\",\"XK_YXQZ\":\"2024-07-20\",\"XK_YXQZI\":\"2029-07-20\",\"XK_XKJG\":\"安阳市殷都区交通运输局\",\"XK_XKJGDM\":\"11230500001755309F\",\"XK_ZT\":\"1\",\"XK_LYDW\":\"安阳市殷都区市场监督管理局\",\"XK_LYDWDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z',NULL,0,NULL);
INSERT INTO `records` VALUES ('410505',5,12,NULL,'license','published','殷许〔2024〕5号','91410505MA9K3W8L7R','2024-05-31','2024-06-03T02:00:00Z','on_time',0,'2024-06-07','2024-06-07','2024-07-07','2029-05-31',NULL,NULL,NULL,'社会公开','','2029-06-01','2024-06-03T03:00:00Z','2024-06-03T03:00:00Z','2024-06-03T03:00:00Z',NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',4,'{\"XK_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"XK_XDR_LB\":\"法人及非法人组织\",\"XK_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"XK_FRDB\":\"王某\",\"XK_XKWS\":\"食品经营许可决定书\",\"XK_WSH\":\"殷许〔2024〕5号\",\"XK_XKLB\":\"普通\",\"XK_XKZS\":\"食品经营许可证\",\"XK_XKBH\":\"JY14105050012345\",\"XK_NR\":\"预包装食品销售（含冷藏冷冻食品）\",\"XK_JDRQ\":\"2024-05-31\",\"XK_YXQZ\":\"2024-05-31\",\"XK_YXQZI\":\"2029-05-31\",\"XK_XKJG\":\"安阳市殷都区农业农村局\",\"XK_XKJGDM\":\"11230500001755309F\",\"XK_ZT\":\"1\",\"XK_LYDW\":\"安阳市殷都区市场监督管理局\",\"XK_LYDWDM\":\"11230500001755309F\"}','2024-06-03T03:00:00Z',NULL,0,NULL);
INSERT INTO `records` VALUES ('410505',6,3,NULL,'penalty','withheld','殷罚〔2024〕6号','91410505MA9K3W8L7R','2024-04-28','2024-05-01T02:00:00Z','on_time',0,'2024-05-08','2024-05-08','2024-06-07','2027-04-28',NULL,NULL,NULL,'政务共享','','2027-04-29','2024-05-01T03:00:00Z','2024-05-01T03:00:00Z','2024-05-01T03:00:00Z',NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',4,'{\"CF_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"CF_XDR_LB\":\"法人及非法人组织\",\"CF_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"CF_FRDB\":\"王某\",\"CF_WSH\":\"殷罚〔2024〕6号\",\"CF_WFXW\":\"销售超过保质期的食品\",\"CF_SY\":\"经查，当事人于2024年6月销售超过保质期的饮料12瓶。\",\"CF_YJ\":\"《中华人民共和国食品安全法》第一百二十四条第一款\",\"CF_CFLB\":\"警告;罚款\",\"CF_NR\":\"警告，并处罚款2000元\",\"CF_NR_FK\":\"0.2\",\"CF_JDRQ\":\"2024-04-28\",\"CF_YXQ\":\"2025-04-28\",\"CF_CFJG\":\"安阳市殷都区交通运输局\",\"CF_CFJGDM\":\"11230500001755309F\",\"CF_SJLY\":\"安阳市殷都区市场监督管理局\",\"CF_SJLYDM\":\"11230500001755309F\",\"GKFW\":\"政务共享\",\"GKFW_YJ\":\"《中华人民共和国个人信息保护法》第十三条\"}','2024-05-01T03:00:00Z','2025-04-28',0,'{\"tier\":\"一般\",\"sector\":\"食品\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般；处罚依据、违法行为类型或处罚机关含「食品」：食品领域\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"北京市信用修复问答引令第58号：食品、药品、特种设备、安全生产、消防领域行政处罚信息最短公示期一年（深圳市转述只列后三项，待核原文）\",\"period_tier\":\"\",\"min_months\":12,\"max_months\":36,\"latest_end\":\"2027-04-28\"}');
INSERT INTO `records` VALUES ('410505',7,29,NULL,'license','objected','殷许〔2024〕7号','91410505MA9K3W8L7R','2024-02-26','2024-04-11T02:00:00Z','missing',0,'2024-03-04','2024-03-04','2024-04-03','2029-02-26','2024-11-25',NULL,NULL,'社会公开','','2024-11-26','2024-04-11T03:00:00Z','2024-04-11T03:00:00Z','2024-04-11T03:00:00Z',NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',5,'{\"XK_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"XK_XDR_LB\":\"法人及非法人组织\",\"XK_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"XK_FRDB\":\"王某\",\"XK_XKWS\":\"食品经营许可决定书\",\"XK_WSH\":\"殷许〔2024〕7号\",\"XK_XKLB\":\"普通\",\"XK_XKZS\":\"食品经营许可证\",\"XK_XKBH\":\"JY14105050012345\",\"XK_NR\":\"预包装食品销售（含冷藏冷冻食品）\",\"XK_JDRQ\":\"2024-02-26\",\"XK_YXQZ\":\"2024-02-26\",\"XK_YXQZI\":\"2029-02-26\",\"XK_XKJG\":\"安阳市许家沟乡\",\"XK_XKJGDM\":\"11230500001755309F\",\"XK_ZT\":\"1\",\"XK_LYDW\":\"安阳市殷都区市场监督管理局\",\"XK_LYDWDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z',NULL,0,NULL);
INSERT INTO `records` VALUES ('410505',8,15,NULL,'penalty','corrected','殷罚〔2023〕8号','91410505MA9K3W8L7R','2023-12-20','2023-12-21T02:00:00Z','on_time',0,'2023-12-27','2023-12-27','2024-01-26','2026-12-20',NULL,NULL,NULL,'社会公开','corrected','2026-12-21','2023-12-21T03:00:00Z','2023-12-21T03:00:00Z','2023-12-21T03:00:00Z',NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',5,'{\"CF_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"CF_XDR_LB\":\"法人及非法人组织\",\"CF_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"CF_FRDB\":\"王某\",\"CF_WSH\":\"殷罚〔2023〕8号\",\"CF_WFXW\":\"销售超过保质期的食品（更正）\",\"CF_SY\":\"经查，当事人于2024年6月销售超过保质期的饮料12瓶。\",\"CF_YJ\":\"《中华人民共和国食品安全法》第一百二十四条第一款\",\"CF_CFLB\":\"警告;罚款\",\"CF_NR\":\"警告，并处罚款2000元\",\"CF_NR_FK\":\"0.2\",\"CF_JDRQ\":\"2023-12-20\",\"CF_YXQ\":\"2024-12-20\",\"CF_CFJG\":\"安阳市殷都区财政局\",\"CF_CFJGDM\":\"11230500001755309F\",\"CF_SJLY\":\"安阳市殷都区市场监督管理局\",\"CF_SJLYDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z','2024-12-20',0,'{\"tier\":\"一般\",\"sector\":\"食品\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般；处罚依据、违法行为类型或处罚机关含「食品」：食品领域\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"北京市信用修复问答引令第58号：食品、药品、特种设备、安全生产、消防领域行政处罚信息最短公示期一年（深圳市转述只列后三项，待核原文）\",\"period_tier\":\"\",\"min_months\":12,\"max_months\":36,\"latest_end\":\"2026-12-20\"}');
INSERT INTO `records` VALUES ('410505',9,19,NULL,'penalty','repair_requested','殷罚〔2024〕9号','91410505MA9K3W8L7R','2024-07-23','2024-07-25T02:00:00Z','on_time',0,'2024-07-30','2024-07-30','2024-08-29','2027-07-23',NULL,'2024-11-27',NULL,'社会公开','','2024-11-28','2024-07-25T03:00:00Z','2024-07-25T03:00:00Z','2024-07-25T03:00:00Z',NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',5,'{\"CF_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"CF_XDR_LB\":\"法人及非法人组织\",\"CF_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"CF_FRDB\":\"王某\",\"CF_WSH\":\"殷罚〔2024〕9号\",\"CF_WFXW\":\"发布虚假广告\",\"CF_SY\":\"经查，当事人于2024年6月销售超过保质期的饮料12瓶。\",\"CF_YJ\":\"《中华人民共和国广告法》第五十八条\",\"CF_CFLB\":\"警告;罚款\",\"CF_NR\":\"警告，并处罚款2000元\",\"CF_NR_FK\":\"0.2\",\"CF_JDRQ\":\"2024-07-23\",\"CF_YXQ\":\"2025-07-23\",\"CF_CFJG\":\"安阳市殷都区司法局\",\"CF_CFJGDM\":\"11230500001755309F\",\"CF_SJLY\":\"安阳市殷都区市场监督管理局\",\"CF_SJLYDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z','2024-10-23',0,'{\"tier\":\"一般\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"令第58号：行政处罚信息最短公示期为三个月，最长公示期为三年；同一决定涉及多种处罚类型的以期限最长的类型为准；起点以行政处罚作出时间为准（据深圳市、北京市信用修复问答转述，条文编号未核实）\",\"period_tier\":\"\",\"min_months\":3,\"max_months\":36,\"latest_end\":\"2027-07-23\"}');
INSERT INTO `records` VALUES ('410505',10,6,NULL,'license','withdrawn','殷许〔2024〕10号','91410505MA9K3W8L7R','2024-10-07','2024-10-08T02:00:00Z','on_time',0,'2024-10-12','2024-10-12','2024-11-11','2029-10-07',NULL,NULL,NULL,'社会公开','',NULL,'2024-10-08T03:00:00Z','2024-10-08T03:00:00Z','2024-10-08T03:00:00Z','2024-11-20T02:00:01Z','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',6,'{\"XK_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"XK_XDR_LB\":\"法人及非法人组织\",\"XK_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"XK_FRDB\":\"王某\",\"XK_XKWS\":\"食品经营许可决定书\",\"XK_WSH\":\"殷许〔2024〕10号\",\"XK_XKLB\":\"普通\",\"XK_XKZS\":\"食品经营许可证\",\"XK_XKBH\":\"JY14105050012345\",\"XK_NR\":\"预包装食品销售（含冷藏冷冻食品）\",\"XK_JDRQ\":\"2024-10-07\",\"XK_YXQZ\":\"2024-10-07\",\"XK_YXQZI\":\"2029-10-07\",\"XK_XKJG\":\"安阳市殷都区市场监督管理局\",\"XK_XKJGDM\":\"11230500001755309F\",\"XK_ZT\":\"1\",\"XK_LYDW\":\"安阳市殷都区市场监督管理局\",\"XK_LYDWDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z',NULL,0,NULL);
INSERT INTO `records` VALUES ('410505',11,28,NULL,'license','published','殷许〔2023〕11号','91410505MA9K3W8L7R','2023-12-28','2023-12-29T02:00:00Z','on_time',0,'2024-01-05','2024-01-05','2024-02-04','2028-12-28',NULL,NULL,NULL,'社会公开','','2028-12-29','2023-12-29T03:00:00Z','2023-12-29T03:00:00Z','2023-12-29T03:00:00Z',NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',4,'{\"XK_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"XK_XDR_LB\":\"法人及非法人组织\",\"XK_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"XK_FRDB\":\"王某\",\"XK_XKWS\":\"食品经营许可决定书\",\"XK_WSH\":\"殷许〔2023〕11号\",\"XK_XKLB\":\"普通\",\"XK_XKZS\":\"食品经营许可证\",\"XK_XKBH\":\"JY14105050012345\",\"XK_NR\":\"预包装食品销售（含冷藏冷冻食品）\",\"XK_JDRQ\":\"2023-12-28\",\"XK_YXQZ\":\"2023-12-28\",\"XK_YXQZI\":\"2028-12-28\",\"XK_XKJG\":\"安阳市西郊乡\",\"XK_XKJGDM\":\"11230500001755309F\",\"XK_ZT\":\"1\",\"XK_LYDW\":\"安阳市殷都区市场监督管理局\",\"XK_LYDWDM\":\"11230500001755309F\"}','2023-12-29T03:00:00Z',NULL,0,NULL);
INSERT INTO `records` VALUES ('410505',12,11,NULL,'penalty','revoked','殷罚〔2024〕12号','91410505MA9K3W8L7R','2024-02-01','2024-02-01T02:00:00Z','on_time',0,'2024-02-07','2024-02-07','2024-03-08','2027-02-01',NULL,NULL,'2024-02-05','社会公开','',NULL,'2024-02-01T03:00:00Z','2024-02-01T03:00:00Z',NULL,'2024-02-01T03:00:00Z','410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',4,'{\"CF_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"CF_XDR_LB\":\"法人及非法人组织\",\"CF_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"CF_FRDB\":\"王某\",\"CF_WSH\":\"殷罚〔2024〕12号\",\"CF_WFXW\":\"销售超过保质期的食品\",\"CF_SY\":\"经查，当事人于2024年6月销售超过保质期的饮料12瓶。\",\"CF_YJ\":\"《中华人民共和国食品安全法》第一百二十四条第一款\",\"CF_CFLB\":\"警告;罚款\",\"CF_NR\":\"警告，并处罚款2000元\",\"CF_NR_FK\":\"0.2\",\"CF_JDRQ\":\"2024-02-01\",\"CF_YXQ\":\"2025-02-01\",\"CF_CFJG\":\"安阳市殷都区文化广电体育旅游局\",\"CF_CFJGDM\":\"11230500001755309F\",\"CF_SJLY\":\"安阳市殷都区市场监督管理局\",\"CF_SJLYDM\":\"11230500001755309F\"}','2024-02-01T03:00:00Z','2025-02-01',0,'{\"tier\":\"一般\",\"sector\":\"食品\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般；处罚依据、违法行为类型或处罚机关含「食品」：食品领域\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"北京市信用修复问答引令第58号：食品、药品、特种设备、安全生产、消防领域行政处罚信息最短公示期一年（深圳市转述只列后三项，待核原文）\",\"period_tier\":\"\",\"min_months\":12,\"max_months\":36,\"latest_end\":\"2027-02-01\"}');
INSERT INTO `records` VALUES ('410505',351,1,NULL,'penalty','published','殷罚〔2024〕9001号','91410505MA9K3W8L7R','2024-11-10','2024-11-11T00:00:00Z','on_time',0,'2024-11-15','2024-11-15','2024-12-15','2027-11-10',NULL,NULL,NULL,'社会公开','','2027-11-11','2024-11-11T01:00:00Z','2024-11-11T01:00:00Z','2024-11-11T01:00:00Z',NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',4,'{\"CF_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"CF_XDR_LB\":\"法人及非法人组织\",\"CF_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"CF_FRDB\":\"王某\",\"CF_WSH\":\"殷罚〔2024〕9001号\",\"CF_WFXW\":\"发布虚假广告\",\"CF_SY\":\"经查，当事人于2024年6月销售超过保质期的饮料12瓶。\",\"CF_YJ\":\"《中华人民共和国广告法》第五十八条\",\"CF_CFLB\":\"警告;罚款\",\"CF_NR\":\"警告，并处罚款2000元\",\"CF_NR_FK\":\"0.2\",\"CF_JDRQ\":\"2024-11-10\",\"CF_YXQ\":\"2025-11-10\",\"CF_CFJG\":\"安阳市殷都区市场监督管理局\",\"CF_CFJGDM\":\"11230500001755309F\",\"CF_SJLY\":\"安阳市殷都区市场监督管理局\",\"CF_SJLYDM\":\"11230500001755309F\"}','2024-11-11T01:00:00Z','2025-02-10',0,'{\"tier\":\"一般\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"令第58号：行政处罚信息最短公示期为三个月，最长公示期为三年；同一决定涉及多种处罚类型的以期限最长的类型为准；起点以行政处罚作出时间为准（据深圳市、北京市信用修复问答转述，条文编号未核实）\",\"period_tier\":\"\",\"min_months\":3,\"max_months\":36,\"latest_end\":\"2027-11-10\"}');
INSERT INTO `records` VALUES ('410505',352,1,NULL,'penalty','repair_requested','殷罚〔2024〕9002号','91410505MA9K3W8L7R','2024-07-23','2024-07-24T00:00:00Z','on_time',0,'2024-07-30','2024-07-30','2024-08-29','2027-07-23',NULL,'2024-11-27',NULL,'社会公开','','2024-11-28','2024-07-24T01:00:00Z','2024-07-24T01:00:00Z','2024-07-24T01:00:00Z',NULL,'410505/national_standard@1.1+410500@8b6ac6857b0b+410505@aba1adbd3f25+periods@376fda68395e',5,'{\"CF_XDR_MC\":\"安阳市殷都区某某商贸有限公司\",\"CF_XDR_LB\":\"法人及非法人组织\",\"CF_XDR_SHXYM\":\"91410505MA9K3W8L7R\",\"CF_FRDB\":\"王某\",\"CF_WSH\":\"殷罚〔2024〕9002号\",\"CF_WFXW\":\"发布虚假广告\",\"CF_SY\":\"经查，当事人于2024年6月销售超过保质期的饮料12瓶。\",\"CF_YJ\":\"《中华人民共和国广告法》第五十八条\",\"CF_CFLB\":\"警告;罚款\",\"CF_NR\":\"警告，并处罚款2000元\",\"CF_NR_FK\":\"0.2\",\"CF_JDRQ\":\"2024-07-23\",\"CF_YXQ\":\"2025-07-23\",\"CF_CFJG\":\"安阳市殷都区市场监督管理局\",\"CF_CFJGDM\":\"11230500001755309F\",\"CF_SJLY\":\"安阳市殷都区市场监督管理局\",\"CF_SJLYDM\":\"11230500001755309F\"}','2024-11-20T02:00:01Z','2024-10-23',0,'{\"tier\":\"一般\",\"derivation\":\"处罚类别不含吊销许可证件、责令关闭、限制从业：一般\",\"regime\":\"ndrc-order-2023-58\",\"regime_basis\":\"国家发展改革委令2023年第58号《失信行为纠正后的信用信息修复管理办法（试行）》（自2023年5月1日起施行）\",\"rule_basis\":\"令第58号：行政处罚信息最短公示期为三个月，最长公示期为三年；同一决定涉及多种处罚类型的以期限最长的类型为准；起点以行政处罚作出时间为准（据深圳市、北京市信用修复问答转述，条文编号未核实）\",\"period_tier\":\"\",\"min_months\":3,\"max_months\":36,\"latest_end\":\"2027-07-23\"}');
/*!40000 ALTER TABLE `records` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `regions`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `regions` (
  `code` char(6) NOT NULL,
  `name` varchar(100) NOT NULL,
  `parent` char(6) DEFAULT NULL,
  PRIMARY KEY (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `regions` WRITE;
/*!40000 ALTER TABLE `regions` DISABLE KEYS */;
/*!40000 ALTER TABLE `regions` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `rule_versions`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `rule_versions` (
  `region` char(6) NOT NULL,
  `script_hash` char(64) NOT NULL,
  `script` mediumtext NOT NULL,
  `author` varchar(64) NOT NULL,
  `created_at` char(20) NOT NULL,
  `active` tinyint(4) NOT NULL DEFAULT 0,
  PRIMARY KEY (`region`,`script_hash`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `rule_versions` WRITE;
/*!40000 ALTER TABLE `rule_versions` DISABLE KEYS */;
INSERT INTO `rule_versions` VALUES ('140400','a9e7faf13a2aac4994e7a96bf9e31d5ef0e27af0196671ebd8127bba371a0d08','-- 长治市 (140400) 双公示规则\n-- 依据：长信办发〔2020〕1号（seed 001）：\"双公示\"信息自作出行政决定之日起七个工作日内对外公示；\n--   公开范围为\"政务公开\"或\"社会公开\"（\"政务公开\"按政务共享处理）；\n--   确保行政相对人、决定机关和来源单位统一社会信用代码准确、无遗漏。\nrule = { region = \"140400\", name = \"长治市\" }\n\n-- 7 个工作日即国家默认期限（national_standard 插件），本市不另行规定；测试确认其结果。\n\ntests = {\n  { name = \"7 working days across the Spring Festival\", kind = \"license\",\n    record = { XK_JDRQ = \"2024-02-08\", XK_YXQZ = \"2024-02-08\" },\n    expect = { publish_by = \"2024-02-23\", late_after = \"2024-02-23\", missing_after = \"2024-03-24\" } },\n  { name = \"政务公开 is read as 政务共享 and needs a basis\", kind = \"penalty\",\n    record = { GKFW = \"政务公开\" },\n    expect = { scope = \"政务共享\", issues = { \"GKFW_YJ:required\" } } },\n  { name = \"the decision-maker\'s code must be right\", kind = \"penalty\",\n    record = { CF_CFJGDM = \"11230500001755309E\" },\n    expect = { issues = { \"CF_CFJGDM:invalid_uscc\" } } },\n}\n','rules_lua','2024-11-20T02:00:00Z',0);
INSERT INTO `rule_versions` VALUES ('140600','4210ebb856bf2bbccba47c54338bc92978457a97deeae0c227701e93dcf7c3d4','-- 朔州市 (140600) 双公示规则\n-- 依据：朔发改财办秘发〔2021〕471号《朔州市行政许可和行政处罚等信用信息公示工作实施方案》\n-- （seed 002）：作出决定之日起 7 个工作日内在门户网站公示并同步报送市信用信息共享平台；\n--   \"公开为常态、不公开为例外\"，除涉及国家秘密、商业秘密或个人隐私等依法不予公开的外均应公开。\nrule = { region = \"140600\", name = \"朔州市\" }\n\n-- 7 个工作日即国家默认期限（national_standard 插件），本市不另行规定；测试确认其结果。\n\ntests = {\n  { name = \"7 working days across the 2025 National Day week\", kind = \"penalty\",\n    record = { CF_JDRQ = \"2025-09-30\", CF_YXQ = \"2026-09-30\" }, today = \"2025-10-20\",\n    expect = { publish_by = \"2025-10-16\", issues = {},\n               -- 令第58号: a food-safety penalty, one year to three years from the decision\n               regime = \"ndrc-order-2023-58\", sector = \"食品\",\n               repair_from = \"2026-09-30\", publication_end = \"2028-09-30\" } },\n  { name = \"public by default\", kind = \"license\",\n    expect = { scope = \"社会公开\", mask = false, flags = {} } },\n}\n','rules_lua','2024-11-20T02:00:00Z',0);
INSERT INTO `rule_versions` VALUES ('231100','d8d909ee3e92ac964fef6cfff966af5682bda6b185ef724c93e44d751734a929','-- 黑河市 (231100) 双公示规则\n-- 依据：黑市诚信办发〔2019〕8号（seed 000）：7 个工作日；附件1 把\"届满到期及自然人\"的信息计为\n--   \"审批通过未公示\"：自然人的行政许可和行政处罚信息在本市只归集、共享，不向社会公示。\nrule = { region = \"231100\", name = \"黑河市\" }\n\nsettings = {\n  publish_working_days = 7,\n  natural_person_basis = \"黑市诚信办发〔2019〕8号附件1：自然人信息审批通过后不向社会公示\",\n}\n\nfunction scope(record, current, ctx)\n  local category = record.XK_XDR_LB or record.CF_XDR_LB\n  if category ~= \"自然人\" then return nil end\n  return {\n    scope = \"政务共享\",\n    basis = settings.natural_person_basis,\n    reason = \"行政相对人为自然人：黑河市只归集共享，不向社会公示\",\n  }\nend\n\ntests = {\n  { name = \"a natural person\'s license is shared, not published\", kind = \"license\",\n    record = { XK_XDR_MC = \"李某\", XK_XDR_LB = \"自然人\", XK_XDR_SHXYM = false, XK_FRDB = false,\n               XK_XDR_ZJLX = \"身份证\", XK_XDR_ZJHM = \"410122199202290044\" },\n    expect = { scope = \"政务共享\", mask = true, issues = {},\n               guards = { scope_public = false, scope_restricted = true } } },\n  { name = \"a company\'s penalty is published\", kind = \"penalty\",\n    expect = { scope = \"社会公开\", publish_by = \"2024-07-12\", guards = { scope_public = true } } },\n}\n','rules_lua','2024-11-20T02:00:00Z',0);
INSERT INTO `rule_versions` VALUES ('410122','66466a383ca08c377b47053d2c9119db7cd2add5d657029c4b62a68bcfd46a03','-- 中牟县 (410122) 双公示规则\n-- 依据：牟信用办〔2019〕5号及中牟县统计局实施方案（seed 004）：\n--   作出决定之日起 7 个工作日内全量推送至信用平台；\n--   接到异议信息核查通知后在三个工作日内处理完毕，并将核查后的信息同步至信用平台。\nrule = { region = \"410122\", name = \"中牟县\" }\n\nsettings = {\n  publish_working_days = 7,\n  objection_working_days = 3,\n}\n\nfunction sla(event, current, ctx)\n  if event == \"object\" then return settings.objection_working_days end\n  return nil\nend\n\ntests = {\n  { name = \"objections settled within 3 working days\", kind = \"penalty\",\n    expect = { sla = { object = 3, revoke = 3 } } },\n  { name = \"7 working days across the 2026 National Day week\", kind = \"license\",\n    record = { XK_JDRQ = \"2026-09-30\", XK_YXQZ = \"2026-09-30\" },\n    expect = { publish_by = \"2026-10-15\" } },\n  { name = \"a deadline that runs into 2027 is provisional: weekdays only until the notice is loaded\",\n    kind = \"penalty\", record = { CF_JDRQ = \"2026-12-24\", CF_YXQ = \"2027-12-24\" },\n    expect = { publish_by = \"2027-01-04\", provisional = true,\n               regime = \"ndrc-order-2025-36\", tier = \"一般\",\n               repair_from = \"2027-03-24\", publication_end = \"2027-12-24\" } },\n  { name = \"a deadline inside 2026 is exact\", kind = \"penalty\",\n    record = { CF_JDRQ = \"2026-12-21\", CF_YXQ = \"2027-12-21\" },\n    expect = { publish_by = \"2026-12-30\", provisional = false } },\n}\n','rules_lua','2024-11-20T02:00:00Z',0);
INSERT INTO `rule_versions` VALUES ('410500','8b6ac6857b0b2ef3f7717b62ca677f4d63094dbc6e0d660aaa460de615aec6d5','-- 安阳市 (410500) 双公示规则\n-- 依据：殷信用办〔2024〕14号《殷都区\"双公示\"工作7月份情况通报》所述安阳市要求（seed 003）：\n--   作出决定之日起 5 个工作日内全量推送至安阳市信用信息共享平台；\n--   5 个工作日外报送计为迟报；超过公示期 30 天计为漏报；\n--   公开范围统一为\"社会公开\"；选择\"政务共享\"或\"授权查询\"须由数源部门出具情况说明和法律依据，\n--   否则国家和省月度抽查认定为瞒报。\nrule = { region = \"410500\", name = \"安阳市\" }\n\nsettings = {\n  publish_working_days = 5,  -- 5 个工作日\n  missing_after_days = 30,   -- 超过公示期 30 天 = 漏报（日历日）\n}\n\nlocal function decided(record)\n  return record.XK_JDRQ or record.CF_JDRQ\nend\n\nfunction deadlines(record, current, ctx)\n  local d = decided(record)\n  if not d then return nil end\n  local publish_by = cal.add_working_days(d, settings.publish_working_days)\n  return {\n    publish_by = publish_by,\n    late_after = publish_by,\n    missing_after = date.add_days(publish_by, settings.missing_after_days),\n  }\nend\n\nfunction scope(record, current, ctx)\n  if current.scope == \"社会公开\" then return nil end\n  local flags = {}\n  for _, f in ipairs(current.flags) do flags[#flags + 1] = f end\n  if current.basis == \"\" then\n    flags[#flags + 1] = \"concealment_risk\"      -- 无依据不公开：瞒报风险\n  else\n    flags[#flags + 1] = \"explanation_required\"  -- 有依据：须报送情况说明\n  end\n  return {\n    flags = flags,\n    reason = current.reason .. \"；安阳市要求不公开须由数源部门出具情况说明，否则按瞒报认定\",\n  }\nend\n\ntests = {\n  { name = \"5 working days from a Wednesday\", kind = \"penalty\",\n    record = { CF_JDRQ = \"2024-07-03\" },\n    expect = { publish_by = \"2024-07-10\", late_after = \"2024-07-10\", missing_after = \"2024-08-09\",\n               publication_end = \"2027-07-03\", scope = \"社会公开\", flags = {}, issues = {} } },\n  { name = \"the National Day week and its make-up Sunday\", kind = \"license\",\n    record = { XK_JDRQ = \"2024-09-27\", XK_YXQZ = \"2024-09-27\" },\n    expect = { publish_by = \"2024-10-10\", missing_after = \"2024-11-09\", publication_end = \"2029-07-02\" } },\n  { name = \"government-shared with a basis needs an explanation\", kind = \"license\",\n    record = { GKFW = \"政务共享\", GKFW_YJ = \"《中华人民共和国个人信息保护法》第二十八条\" },\n    expect = { scope = \"政务共享\", flags = { \"explanation_required\" }, issues = {} } },\n  { name = \"government-shared without a basis is a concealment risk and invalid\", kind = \"penalty\",\n    record = { GKFW = \"授权查询\" },\n    expect = { scope = \"授权查询\", flags = { \"concealment_risk\" }, issues = { \"GKFW_YJ:required\" } } },\n  { name = \"the national rules still validate\", kind = \"penalty\",\n    record = { CF_NR_FK = false },\n    expect = { issues = { \"CF_NR_FK:required\" }, publish_by = \"2024-07-10\" } },\n}\n','rules_lua','2024-11-20T02:00:00Z',0);
INSERT INTO `rule_versions` VALUES ('410505','aba1adbd3f258d839a351f199ff01996c836d8a340a9edb142b72037b5ebbc97','-- 殷都区 (410505) 双公示规则\n-- 继承安阳市 (410500) 的 5 个工作日、迟报/漏报和公开范围规则；本区另有：\n--   殷信用办〔2024〕14号：每月迟报率高于 20%、存在瞒报或产生有效异议的单位，须以正式文件报送\n--   情况说明和整改方案；连续两次以上的，由区政府领导约谈单位\"一把手\"。\n-- 这些是月度通报的口径（报表按 settings 读取）。\nrule = { region = \"410505\", name = \"殷都区\" }\n\nsettings = {\n  escalation_late_rate = 0.20,    -- 迟报率 > 20% 须书面说明\n  summons_after_repeats = 2,      -- 连续两次以上约谈\n}\n\ntests = {\n  { name = \"inherits 安阳市\'s 5 working days\", kind = \"license\",\n    record = { XK_JDRQ = \"2024-07-03\" },\n    expect = { publish_by = \"2024-07-10\", late_after = \"2024-07-10\", missing_after = \"2024-08-09\" } },\n  { name = \"inherits the concealment flag\", kind = \"penalty\",\n    record = { GKFW = \"政务共享\", GKFW_YJ = \"《中华人民共和国保守国家秘密法》\" },\n    expect = { scope = \"政务共享\", flags = { \"explanation_required\" } } },\n  { name = \"a natural person\'s penalty is public but masked\", kind = \"penalty\",\n    record = { CF_XDR_MC = \"李某\", CF_XDR_LB = \"自然人\", CF_XDR_SHXYM = false, CF_FRDB = false,\n               CF_XDR_ZJLX = \"身份证\", CF_XDR_ZJHM = \"410505198506121232\" },\n    expect = { scope = \"社会公开\", mask = true, issues = {} } },\n  { name = \"a food-safety penalty: repair only after one year (令第58号)\", kind = \"penalty\",\n    today = \"2025-07-02\",\n    expect = { repair_from = \"2025-07-03\", guards = { repair_eligible = false, penalty_only = true } } },\n  { name = \"a food-safety penalty: repair from the day the year has passed\", kind = \"penalty\",\n    today = \"2025-07-03\", expect = { guards = { repair_eligible = true } } },\n  { name = \"an advertising penalty: repair after three months (令第58号)\", kind = \"penalty\",\n    record = { CF_YJ = \"《中华人民共和国广告法》第五十八条\", CF_WFXW = \"发布虚假广告\" },\n    today = \"2024-10-02\",\n    expect = { sector = \"\", repair_from = \"2024-10-03\", publication_end = \"2027-07-03\",\n               guards = { repair_eligible = false } } },\n}\n','rules_lua','2024-11-20T02:00:00Z',0);
/*!40000 ALTER TABLE `rule_versions` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `schema_migrations`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `schema_migrations` (
  `version` int(11) NOT NULL,
  `name` varchar(200) NOT NULL,
  `applied_at` char(20) NOT NULL,
  PRIMARY KEY (`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `schema_migrations` WRITE;
/*!40000 ALTER TABLE `schema_migrations` DISABLE KEYS */;
INSERT INTO `schema_migrations` VALUES (1,'001_init.sql','2024-11-20T02:00:00Z');
INSERT INTO `schema_migrations` VALUES (2,'002_server.sql','2024-11-20T02:00:00Z');
INSERT INTO `schema_migrations` VALUES (3,'003_reports.sql','2024-11-20T02:00:00Z');
INSERT INTO `schema_migrations` VALUES (4,'004_department_transfers.sql','2024-11-20T02:00:00Z');
INSERT INTO `schema_migrations` VALUES (5,'005_calendar_periods.sql','2024-11-20T02:00:00Z');
INSERT INTO `schema_migrations` VALUES (6,'006_applications.sql','2024-11-20T02:00:00Z');
INSERT INTO `schema_migrations` VALUES (7,'007_import_workers.sql','2024-11-20T02:00:00Z');
INSERT INTO `schema_migrations` VALUES (8,'008_packages.sql','2024-11-20T02:00:00Z');
INSERT INTO `schema_migrations` VALUES (9,'009_upstream.sql','2024-11-20T02:00:00Z');
INSERT INTO `schema_migrations` VALUES (10,'010_department_contacts.sql','2024-11-20T02:00:00Z');
/*!40000 ALTER TABLE `schema_migrations` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `upstream_changes`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `upstream_changes` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `target_id` bigint(20) NOT NULL,
  `outbox_id` bigint(20) DEFAULT NULL,
  `region` char(6) NOT NULL,
  `record_id` bigint(20) NOT NULL,
  `department_id` bigint(20) DEFAULT NULL,
  `kind` varchar(8) NOT NULL,
  `document_no` varchar(128) NOT NULL,
  `subject_code` varchar(64) NOT NULL,
  `change_type` varchar(12) NOT NULL,
  `idem_key` char(32) NOT NULL,
  `record_version` int(11) NOT NULL,
  `payload` text NOT NULL,
  `status` varchar(12) NOT NULL,
  `attempts` int(11) NOT NULL DEFAULT 0,
  `next_attempt_at` char(20) NOT NULL,
  `last_error` text NOT NULL,
  `changed_at` char(20) NOT NULL,
  `acknowledged_at` char(20) DEFAULT NULL,
  `created_at` char(20) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `upstream_changes_once` (`target_id`,`outbox_id`),
  KEY `upstream_changes_due` (`target_id`,`status`,`next_attempt_at`),
  KEY `upstream_changes_record` (`target_id`,`record_id`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `upstream_changes` WRITE;
/*!40000 ALTER TABLE `upstream_changes` DISABLE KEYS */;
/*!40000 ALTER TABLE `upstream_changes` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `upstream_received`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `upstream_received` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `idem_key` varchar(200) NOT NULL,
  `sender` varchar(64) NOT NULL,
  `kind` varchar(8) NOT NULL,
  `document_no` varchar(128) NOT NULL,
  `subject_code` varchar(64) NOT NULL,
  `change_type` varchar(12) NOT NULL,
  `form` varchar(8) NOT NULL,
  `payload` text NOT NULL,
  `received_at` char(20) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `upstream_received_key` (`idem_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `upstream_received` WRITE;
/*!40000 ALTER TABLE `upstream_received` DISABLE KEYS */;
/*!40000 ALTER TABLE `upstream_received` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `upstream_targets`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `upstream_targets` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `region` char(6) NOT NULL,
  `name` varchar(100) NOT NULL,
  `format` varchar(8) NOT NULL,
  `endpoint` varchar(500) NOT NULL,
  `credential` text NOT NULL,
  `changes` varchar(200) NOT NULL,
  `batch_size` int(11) NOT NULL,
  `outbox_from` bigint(20) NOT NULL,
  `active` tinyint(4) NOT NULL DEFAULT 1,
  `created_by` varchar(64) NOT NULL,
  `created_at` char(20) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `upstream_targets` WRITE;
/*!40000 ALTER TABLE `upstream_targets` DISABLE KEYS */;
/*!40000 ALTER TABLE `upstream_targets` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `users`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `users` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `region` char(6) NOT NULL,
  `department_id` bigint(20) DEFAULT NULL,
  `login` varchar(64) NOT NULL,
  `display_name` varchar(100) NOT NULL,
  `password_hash` varchar(255) NOT NULL DEFAULT '',
  `roles` varchar(200) NOT NULL,
  `active` tinyint(4) NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`),
  UNIQUE KEY `users_login` (`login`),
  KEY `users_region` (`region`,`department_id`)
) ENGINE=InnoDB AUTO_INCREMENT=8 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `users` WRITE;
/*!40000 ALTER TABLE `users` DISABLE KEYS */;
INSERT INTO `users` VALUES (1,'410505',6,'tianbao','市场监管局填报员','$argon2id$v=19$m=65536,t=2,p=1$Wl1looD0sjUAS3Y3ie08mQ$RzYhZqSPqjCXs1P4m01sHMOjdUZWWEFePd/bdutcRhI','filler',1);
INSERT INTO `users` VALUES (2,'410505',6,'shenhe','市场监管局审核员','$argon2id$v=19$m=65536,t=2,p=1$5zaqfzPDCAyrG5VoXEqtAQ$GQ6GOk8Y3TZxzfC7SjCm1PyDihUFEK0ojxRToBz1pNI','reviewer',1);
INSERT INTO `users` VALUES (3,'410505',6,'guanli','市场监管局部门管理员','$argon2id$v=19$m=65536,t=2,p=1$NnsDx4+kMSt4KH0k46CA3g$J5NaC/nv5ZUS+0A7J8gYksLT1f+wM7tlhvN2ARH/sJo','dept_admin',1);
INSERT INTO `users` VALUES (4,'410505',NULL,'yiyi','殷都区异议处理','$argon2id$v=19$m=65536,t=2,p=1$aT39hwZ4Xhxf5yz+205JMg$RGwnfJKXtxEd48Q8YRyfqk5Jg6M8VGSjrzJmRs8+ejU','objection_handler',1);
INSERT INTO `users` VALUES (5,'410505',NULL,'xinyongban','殷都区信用办','$argon2id$v=19$m=65536,t=2,p=1$huXdj+8bYAlO50xo31p9ww$hyAmo+517zE4zf6EqQ+lcoBjmPuC089pI91FQ0BFBxM','credit_office',1);
INSERT INTO `users` VALUES (6,'410500',NULL,'anyang','安阳市信用办','$argon2id$v=19$m=65536,t=2,p=1$TH0k8U9N/L0BcSbyuVbflg$OFabb7hFu+YMIirKNmHlkH40Xz4hR69vCEb3E9y8zQg','credit_office',1);
INSERT INTO `users` VALUES (7,'000000',NULL,'admin','系统管理员','$argon2id$v=19$m=65536,t=2,p=1$FC+nkk63x8UeFP7+tZNugg$5QI9/6P/QrcyARzIWc0WFslowhfwwkjT64lC5DNgu78','sysadmin',1);
/*!40000 ALTER TABLE `users` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `webhook_deliveries`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `webhook_deliveries` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `subscription_id` bigint(20) NOT NULL,
  `outbox_id` bigint(20) NOT NULL,
  `region` char(6) NOT NULL,
  `topic` varchar(64) NOT NULL,
  `payload` text NOT NULL,
  `status` varchar(12) NOT NULL,
  `attempts` int(11) NOT NULL DEFAULT 0,
  `next_attempt_at` char(20) NOT NULL,
  `last_status` int(11) NOT NULL DEFAULT 0,
  `last_error` varchar(500) NOT NULL DEFAULT '',
  `delivered_at` char(20) DEFAULT NULL,
  `created_at` char(20) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `webhook_deliveries_once` (`subscription_id`,`outbox_id`),
  KEY `webhook_deliveries_due` (`status`,`next_attempt_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `webhook_deliveries` WRITE;
/*!40000 ALTER TABLE `webhook_deliveries` DISABLE KEYS */;
/*!40000 ALTER TABLE `webhook_deliveries` ENABLE KEYS */;
UNLOCK TABLES;
DROP TABLE IF EXISTS `webhook_subscriptions`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `webhook_subscriptions` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `region` char(6) NOT NULL,
  `department_id` bigint(20) DEFAULT NULL,
  `url` varchar(500) NOT NULL,
  `events` varchar(500) NOT NULL,
  `secret` varchar(200) NOT NULL,
  `active` tinyint(4) NOT NULL DEFAULT 1,
  `created_by` varchar(64) NOT NULL,
  `created_at` char(20) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `webhook_subscriptions_region` (`region`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `webhook_subscriptions` WRITE;
/*!40000 ALTER TABLE `webhook_subscriptions` DISABLE KEYS */;
/*!40000 ALTER TABLE `webhook_subscriptions` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

